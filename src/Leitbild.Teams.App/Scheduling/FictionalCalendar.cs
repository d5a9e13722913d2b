using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// Made-up appointments for the seeded people, so local mode has calendars worth searching. They are a pure function of
/// the person and the day (a hash seeds a small generator), so any window gives the same blocks every time, on any
/// machine, without storing years of rows: a weekly office meeting, zero to three other appointments per working day
/// (some tentative), and now and then a day out of office.
/// </summary>
internal static class FictionalCalendar
{
    public static IEnumerable<BusyBlock> BlocksFor(Person person, DateTimeOffset start, DateTimeOffset end)
    {
        var hours = person.WorkingHours ?? WorkingHours.Default;
        for (var day = BerlinTime.LocalDate(start).AddDays(-1); day <= BerlinTime.LocalDate(end); day = day.AddDays(1))
        {
            if (!hours.Days.Contains(day.DayOfWeek))
            {
                continue;
            }
            foreach (var block in BlocksOn(person, hours, day))
            {
                if (block.Start < end && start < block.End)
                {
                    yield return block;
                }
            }
        }
    }

    private static IEnumerable<BusyBlock> BlocksOn(Person person, WorkingHours hours, DateOnly day)
    {
        var random = new SplitMix(Hash($"{person.Id}|{day:yyyy-MM-dd}"));
        if (random.Next(40) == 0)
        {
            yield return new BusyBlock(BerlinTime.StartOfDay(day), BerlinTime.StartOfDay(day.AddDays(1)), FreeBusyStatus.OutOfOffice);
            yield break;
        }
        var office = new SplitMix(Hash(person.OfficeId ?? person.Id));
        var meetingDay = hours.Days[office.Next(hours.Days.Count)];
        if (day.DayOfWeek == meetingDay)
        {
            // The office's weekly jour fixe, one hour after work starts.
            var at = BerlinTime.ToInstant(day, hours.Start).AddHours(1);
            yield return new BusyBlock(at, at.AddHours(1), FreeBusyStatus.Busy);
        }
        var halfHours = (int)((hours.End - hours.Start).TotalMinutes / 30);
        var count = random.Next(4);
        for (var i = 0; i < count && halfHours > 2; i++)
        {
            var length = 1 + random.Next(4);
            var slot = random.Next(Math.Max(1, halfHours - length));
            var from = BerlinTime.ToInstant(day, hours.Start).AddMinutes(30 * slot);
            yield return new BusyBlock(from, from.AddMinutes(30 * length), random.Next(5) == 0 ? FreeBusyStatus.Tentative : FreeBusyStatus.Busy);
        }
    }

    /// <summary>FNV-1a: stable across runs and .NET versions (string.GetHashCode is randomized per process).</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    private struct SplitMix(ulong state)
    {
        private ulong _state = state;

        public int Next(int exclusiveMax)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)exclusiveMax);
        }
    }
}
