using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>
/// Finds and ranks meeting slots from free/busy data (Graph's findMeetingTimes is delegated-only, so this is ours).
/// Each person and room becomes bit sets over a grid of cells (busy, tentative, working); the rules become word-wide
/// AND/OR and window erosions, so the work grows with cells/64 per person, not with minutes × people × slots.
/// Deterministic: the same input gives the same slots in the same order.
/// </summary>
public sealed class SlotFinder(IHolidayCalendar holidays)
{
    // Ranking weights (higher score ranks first). A required person's tentative appointment weighs most; a slot off the
    // preferred days counts like three optional people missing.
    internal const int BaseScore = 10_000;
    internal const int RequiredTentativePenalty = 1_000;
    internal const int NotPreferredDayPenalty = 300;
    internal const int RoomTentativePenalty = 200;
    internal const int OptionalUnavailablePenalty = 100;
    internal const int OptionalTentativePenalty = 50;

    public SlotSearchResult Find(SlotSearch search, FreeBusySnapshot snapshot)
    {
        search.Validate();
        var grid = new TimeGrid(search.WindowStart, search.WindowEnd, search.Resolution);
        var shape = new MeetingShape(grid.Cells(search.Duration), grid.Cells(search.BufferBefore), grid.Cells(search.BufferAfter));
        var workingCache = new Dictionary<string, BitSet>(StringComparer.Ordinal);

        var requiredIds = search.Required.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var requiredSet = requiredIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var optionalIds = search.Optional.Distinct(StringComparer.OrdinalIgnoreCase).Where(id => !requiredSet.Contains(id)).ToList();
        var required = requiredIds.Select(id => PersonMask(snapshot.For(id), grid, shape, workingCache)).ToArray();
        var optional = optionalIds.Select(id => PersonMask(snapshot.For(id), grid, shape, workingCache)).ToArray();

        var candidates = AllowedStarts(search, grid);
        foreach (var person in required)
        {
            candidates.And(person.Ok);
        }

        var rooms = Array.Empty<Mask>();
        var roomList = Array.Empty<MeetingRoom>();
        if (search.RoomRequired)
        {
            var needed = search.MinimumCapacity ?? search.InvitedCount;
            roomList = search.Rooms.Where(r => r.Capacity >= needed)
                .OrderBy(r => r.Capacity).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToArray();
            rooms = roomList.Select(r => RoomMask(snapshot.For(r.Email), grid, shape)).ToArray();
            var anyRoom = new BitSet(grid.CellCount);
            foreach (var room in rooms)
            {
                anyRoom.Or(room.Ok);
            }
            candidates.And(anyRoom);
        }

        var minimumOptional = optional.Length == 0 ? 0 : (int)Math.Ceiling((search.Quorum * optional.Length) - 1e-9);
        var ranked = new List<Ranked>();
        foreach (var cell in candidates.Ones())
        {
            var score = BaseScore;
            foreach (var person in required)
            {
                if (person.Tentative[cell])
                {
                    score -= RequiredTentativePenalty;
                }
            }
            var optionalOk = 0;
            foreach (var person in optional)
            {
                if (!person.Ok[cell])
                {
                    score -= OptionalUnavailablePenalty;
                }
                else
                {
                    optionalOk++;
                    if (person.Tentative[cell])
                    {
                        score -= OptionalTentativePenalty;
                    }
                }
            }
            if (optionalOk < minimumOptional)
            {
                continue;
            }
            var roomIndex = -1;
            if (rooms.Length > 0)
            {
                roomIndex = Array.FindIndex(rooms, r => r.Ok[cell] && !r.Tentative[cell]);
                if (roomIndex < 0)
                {
                    roomIndex = Array.FindIndex(rooms, r => r.Ok[cell]);
                    score -= RoomTentativePenalty;
                }
            }
            var start = grid.TimeOf(cell);
            if (search.PreferredDays.Count > 0 && !search.PreferredDays.Contains(BerlinTime.ToLocal(start).DayOfWeek))
            {
                score -= NotPreferredDayPenalty;
            }
            ranked.Add(new Ranked(cell, start, score, roomIndex));
        }

        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : a.Cell != b.Cell ? a.Cell.CompareTo(b.Cell)
            : a.RoomIndex.CompareTo(b.RoomIndex));

        var chosen = Select(ranked, search, shape);
        var slots = chosen.Select(r => new SlotCandidate
        {
            Start = r.Start,
            End = r.Start + search.Duration,
            Room = r.RoomIndex >= 0 ? roomList[r.RoomIndex] : null,
            Score = r.Score,
            Attendees = requiredIds.Select((id, i) => new SlotAttendee(id, true, required[i].AttendanceAt(r.Cell)))
                .Concat(optionalIds.Select((id, i) => new SlotAttendee(id, false, optional[i].AttendanceAt(r.Cell))))
                .ToList(),
        }).ToList();

        var unreadable = requiredIds.Concat(optionalIds).Concat(roomList.Select(r => r.Email))
            .Where(id => snapshot.For(id).Error is not null).ToList();
        return new SlotSearchResult { Slots = slots, UnreadableSchedules = unreadable, ValidStartCount = ranked.Count };
    }

    /// <summary>The smallest room with enough seats that has no busy item in [from, to); one without tentative items first.</summary>
    public static MeetingRoom? PickRoom(IEnumerable<MeetingRoom> rooms, FreeBusySnapshot snapshot, DateTimeOffset from, DateTimeOffset to, int seats)
    {
        var fitting = rooms.Where(r => r.Capacity >= seats).OrderBy(r => r.Capacity).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        bool Has(MeetingRoom room, Func<FreeBusyStatus, bool> status) =>
            snapshot.For(room.Email).Blocks.Any(b => status(b.Status) && b.Start < to && from < b.End);
        var free = fitting.Where(r => !Has(r, s => s is FreeBusyStatus.Busy or FreeBusyStatus.OutOfOffice)).ToList();
        return free.FirstOrDefault(r => !Has(r, s => s == FreeBusyStatus.Tentative)) ?? free.FirstOrDefault();
    }

    private static List<Ranked> Select(List<Ranked> ranked, SlotSearch search, MeetingShape shape)
    {
        var chosen = new List<Ranked>();
        var perDay = new Dictionary<DateOnly, int>();
        foreach (var candidate in ranked)
        {
            if (chosen.Count == search.MaxResults)
            {
                break;
            }
            var day = BerlinTime.LocalDate(candidate.Start);
            if (search.MaxPerDay is { } max && perDay.GetValueOrDefault(day) >= max)
            {
                continue;
            }
            if (search.NonOverlapping && chosen.Exists(c => Math.Abs(c.Cell - candidate.Cell) < shape.Duration))
            {
                continue;
            }
            chosen.Add(candidate);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
        }
        return chosen;
    }

    /// <summary>Start cells allowed by the calendar alone: not a holiday, within earliest/latest, on the step grid of the
    /// local clock, and the whole meeting inside the window. Each local day is converted on its own, so the days around
    /// a daylight-saving change get their own UTC offsets.</summary>
    private BitSet AllowedStarts(SlotSearch search, TimeGrid grid)
    {
        var allowed = new BitSet(grid.CellCount);
        var first = BerlinTime.LocalDate(search.WindowStart);
        var last = BerlinTime.LocalDate(search.WindowEnd);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (holidays.IsHoliday(day))
            {
                continue;
            }
            var dayStart = BerlinTime.ToInstant(day, search.EarliestTimeOfDay ?? TimeOnly.MinValue);
            var dayEnd = search.LatestTimeOfDay is { } latest ? BerlinTime.ToInstant(day, latest) : BerlinTime.StartOfDay(day.AddDays(1));
            var from = dayStart > search.WindowStart ? dayStart : search.WindowStart;
            var t = grid.TimeOf(Math.Max(grid.Ceiling(from), 0));
            var midnight = BerlinTime.StartOfDay(day);
            var nextMidnight = BerlinTime.StartOfDay(day.AddDays(1));
            // On all but two days a year the offset is the same all day: local time is then plain arithmetic, and the
            // time zone is asked only twice per day instead of at every step.
            var steadyOffset = nextMidnight - midnight == TimeSpan.FromDays(1);
            TimeSpan LocalTimeOfDay(DateTimeOffset instant) => steadyOffset ? instant - midnight : BerlinTime.ToLocal(instant).TimeOfDay;
            // Find the first start on the local step grid (e.g. :00 and :30), then walk in steps.
            for (var guard = 0; guard < 1_440 && LocalTimeOfDay(t).Ticks % search.Step.Ticks != 0; guard++)
            {
                t += search.Resolution;
            }
            for (; t + search.Duration <= dayEnd && t + search.Duration <= search.WindowEnd && t < nextMidnight; t += search.Step)
            {
                var cell = grid.Floor(t);
                if (cell >= 0 && cell < grid.CellCount && grid.IsBoundary(t))
                {
                    allowed.Set(cell);
                }
            }
        }
        return allowed;
    }

    private static Mask PersonMask(ScheduleAvailability schedule, TimeGrid grid, MeetingShape shape, Dictionary<string, BitSet> workingCache)
    {
        var (busy, tentative) = BlockCells(schedule, grid);
        var hours = schedule.WorkingHours ?? WorkingHours.Default;
        var zone = schedule.WorkingHoursZone ?? BerlinTime.Zone;
        // By value: adapters build a new Days list per person, and most people share the same hours.
        var key = $"{string.Join(',', hours.Days.Order())}|{hours.Start:HH:mm:ss}|{hours.End:HH:mm:ss}|{zone.Id}";
        if (!workingCache.TryGetValue(key, out var working))
        {
            working = WorkingCells(hours, zone, grid);
            workingCache[key] = working;
        }
        return Mask.From(busy, tentative, working, shape);
    }

    private static Mask RoomMask(ScheduleAvailability schedule, TimeGrid grid, MeetingShape shape)
    {
        var (busy, tentative) = BlockCells(schedule, grid);
        return Mask.From(busy, tentative, new BitSet(grid.CellCount, true), shape);
    }

    /// <summary>Any overlap with a cell marks the whole cell: a 10:10–10:20 appointment blocks 10:00–10:30 at 15 minutes.</summary>
    private static (BitSet Busy, BitSet Tentative) BlockCells(ScheduleAvailability schedule, TimeGrid grid)
    {
        var busy = new BitSet(grid.CellCount);
        var tentative = new BitSet(grid.CellCount);
        foreach (var block in schedule.Blocks)
        {
            if (block.End <= block.Start)
            {
                continue;
            }
            var target = block.Status switch
            {
                FreeBusyStatus.Busy or FreeBusyStatus.OutOfOffice => busy,
                FreeBusyStatus.Tentative => tentative,
                _ => null,
            };
            target?.SetRange(grid.Floor(block.Start), grid.Ceiling(block.End));
        }
        return (busy, tentative);
    }

    /// <summary>Only whole cells inside the working hours count: 8:00–16:00 at 15 minutes is 32 cells, and stays 32 on a
    /// daylight-saving Sunday for someone who works Sundays.</summary>
    private static BitSet WorkingCells(WorkingHours hours, TimeZoneInfo zone, TimeGrid grid)
    {
        var working = new BitSet(grid.CellCount);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(grid.Origin, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(grid.End, zone).DateTime).AddDays(1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!hours.Days.Contains(day.DayOfWeek))
            {
                continue;
            }
            var start = BerlinTime.ToInstant(day, hours.Start, zone);
            var end = hours.End == TimeOnly.MinValue ? BerlinTime.StartOfDay(day.AddDays(1), zone) : BerlinTime.ToInstant(day, hours.End, zone);
            working.SetRange(grid.Ceiling(start), grid.Floor(end));
        }
        return working;
    }

    private readonly record struct MeetingShape(int Duration, int Before, int After)
    {
        public int Span => Before + Duration + After;
    }

    private readonly record struct Ranked(int Cell, DateTimeOffset Start, int Score, int RoomIndex);

    /// <summary>Per start cell: free of hard conflicts (with buffers), inside working hours, touched by a tentative item.</summary>
    private sealed class Mask
    {
        public required BitSet NotBusy { get; init; }
        public required BitSet Working { get; init; }
        public required BitSet Ok { get; init; }
        public required BitSet Tentative { get; init; }

        public static Mask From(BitSet busy, BitSet tentative, BitSet working, MeetingShape shape)
        {
            var free = busy.Clone();
            free.Not();
            var notBusy = free.AllInWindow(-shape.Before, shape.Span, outside: true);
            var inHours = working.AllInWindow(0, shape.Duration, outside: false);
            var ok = notBusy.Clone();
            ok.And(inHours);
            var noTentative = tentative.Clone();
            noTentative.Not();
            var touched = noTentative.AllInWindow(-shape.Before, shape.Span, outside: true);
            touched.Not();
            return new Mask { NotBusy = notBusy, Working = inHours, Ok = ok, Tentative = touched };
        }

        public SlotAttendance AttendanceAt(int cell) =>
            !NotBusy[cell] ? SlotAttendance.Busy
            : !Working[cell] ? SlotAttendance.OutsideWorkingHours
            : Tentative[cell] ? SlotAttendance.Tentative
            : SlotAttendance.Free;
    }
}
