using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.Core.Tests.Scheduling;

/// <summary>Europe/Berlin switches on the last Sundays of March (2:00 → 3:00) and October (3:00 → 2:00).</summary>
public class DaylightSavingTests
{
    private static readonly SlotFinder Finder = new(NrwPublicHolidays.Instance);

    private static readonly WorkingHours NightShiftOnSundays = new() { Days = [DayOfWeek.Sunday], Start = new TimeOnly(0, 0), End = new TimeOnly(6, 0) };

    [Theory]
    [InlineData(2026, 3, 27, 2026, 3, 30)]
    [InlineData(2026, 10, 23, 2026, 10, 26)]
    public void EightOClockStaysEightOClockOnBothSidesOfTheChange(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var start = Berlin.At(y1, m1, d1);
        var end = Berlin.At(y2, m2, d2).AddDays(1);

        var slots = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(8), Required = ["a@x"], MaxResults = 5 },
            new FreeBusySnapshot(start, end, [])).Slots;

        Assert.Equal([Berlin.At(y1, m1, d1, 8), Berlin.At(y2, m2, d2, 8)], slots.Select(s => s.Start));
        Assert.All(slots, s => Assert.Equal(new TimeSpan(8, 0, 0), Berlin.Local(s.Start).TimeOfDay));
        Assert.All(slots, s => Assert.Equal(new TimeSpan(16, 0, 0), Berlin.Local(s.End).TimeOfDay));
        // The UTC hour differs by one between the Friday and the Monday.
        Assert.NotEqual(slots[0].Start.UtcDateTime.Hour, slots[1].Start.UtcDateTime.Hour);
    }

    [Fact]
    public void TheLastSundayOfMarchHasAnHourLessOfNightShift()
    {
        var slots = NightShiftSlots(Berlin.At(2026, 3, 29));

        // 0:00–6:00 local is five real hours: 2:00–3:00 does not exist.
        Assert.Equal(5, slots.Count);
        Assert.DoesNotContain(slots, s => Berlin.Local(s.Start).Hour == 2);
        Assert.Equal(TimeSpan.FromHours(5), slots[^1].End - slots[0].Start);
    }

    [Fact]
    public void TheLastSundayOfOctoberHasAnHourMoreOfNightShift()
    {
        var slots = NightShiftSlots(Berlin.At(2026, 10, 25));

        // 0:00–6:00 local is seven real hours: 2:00–3:00 happens twice.
        Assert.Equal(7, slots.Count);
        Assert.Equal(2, slots.Count(s => Berlin.Local(s.Start).Hour == 2));
        Assert.Equal(TimeSpan.FromHours(7), slots[^1].End - slots[0].Start);
    }

    [Fact]
    public void BusyBlockAcrossTheChangeBlocksExactlyItsRealDuration()
    {
        var sunday = Berlin.At(2026, 10, 25);
        // 1:00 CEST to 4:00 CET is four real hours.
        var block = new BusyBlock(Berlin.At(2026, 10, 25, 1), Berlin.At(2026, 10, 25, 4), FreeBusyStatus.Busy);
        var schedule = new ScheduleAvailability { ScheduleId = "n@x", WorkingHours = NightShiftOnSundays, Blocks = [block] };

        var slots = Finder.Find(new SlotSearch { WindowStart = sunday, WindowEnd = sunday.AddDays(1), Duration = TimeSpan.FromHours(1), Required = ["n@x"], Step = TimeSpan.FromHours(1), MaxResults = 10 },
            new FreeBusySnapshot(sunday, sunday.AddDays(1), [schedule])).Slots;

        Assert.Equal([Berlin.At(2026, 10, 25, 0), Berlin.At(2026, 10, 25, 4), Berlin.At(2026, 10, 25, 5)], slots.Select(s => s.Start).Order());
    }

    private static List<SlotCandidate> NightShiftSlots(DateTimeOffset sunday)
    {
        var schedule = new ScheduleAvailability { ScheduleId = "n@x", WorkingHours = NightShiftOnSundays };
        return Finder.Find(new SlotSearch { WindowStart = sunday, WindowEnd = sunday.AddDays(1), Duration = TimeSpan.FromHours(1), Required = ["n@x"], Step = TimeSpan.FromHours(1), MaxResults = 10 },
            new FreeBusySnapshot(sunday, sunday.AddDays(1), [schedule])).Slots.OrderBy(s => s.Start).ToList();
    }
}
