using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.Core.Tests.Scheduling;

public class SlotFinderTests
{
    private static readonly SlotFinder Finder = new(NrwPublicHolidays.Instance);

    private static FreeBusySnapshot Snapshot(DateTimeOffset start, DateTimeOffset end, params ScheduleAvailability[] schedules) => new(start, end, schedules);

    private static ScheduleAvailability Busy(string id, params (DateTimeOffset Start, DateTimeOffset End, FreeBusyStatus Status)[] blocks) => new()
    {
        ScheduleId = id,
        Blocks = blocks.Select(b => new BusyBlock(b.Start, b.End, b.Status)).ToList(),
    };

    [Fact]
    public void FirstSlotOfAnEmptyWeekIsMondayAtEightBerlinTime()
    {
        var start = Berlin.At(2026, 5, 4);
        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = start.AddDays(5), Duration = TimeSpan.FromHours(1), Required = ["a@x"], MaxResults = 3, MaxPerDay = 1 },
            Snapshot(start, start.AddDays(5)));

        Assert.Equal([Berlin.At(2026, 5, 4, 8), Berlin.At(2026, 5, 5, 8), Berlin.At(2026, 5, 6, 8)], result.Slots.Select(s => s.Start));
        Assert.All(result.Slots, s => Assert.Equal(SlotAttendance.Free, Assert.Single(s.Attendees).Attendance));
    }

    [Fact]
    public void BusyRequiredPersonPushesTheSlotAfterTheAppointment()
    {
        var start = Berlin.At(2026, 5, 4);
        var snapshot = Snapshot(start, start.AddDays(1), Busy("a@x", (Berlin.At(2026, 5, 4, 8), Berlin.At(2026, 5, 4, 10, 10), FreeBusyStatus.Busy)));

        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = start.AddDays(1), Duration = TimeSpan.FromHours(1), Required = ["a@x", "b@x"], Step = TimeSpan.FromMinutes(15), MaxResults = 1 }, snapshot);

        // 10:10 ends inside the 10:00 cell, so the first whole free quarter starts at 10:15.
        Assert.Equal(Berlin.At(2026, 5, 4, 10, 15), Assert.Single(result.Slots).Start);
    }

    [Fact]
    public void OutOfOfficeBlocksLikeBusyButWorkingElsewhereDoesNot()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = start.AddDays(1);
        var search = new SlotSearch { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(8), Required = ["a@x"], MaxResults = 1 };

        Assert.Empty(Finder.Find(search, Snapshot(start, end, Busy("a@x", (start, end, FreeBusyStatus.OutOfOffice)))).Slots);
        Assert.Single(Finder.Find(search, Snapshot(start, end, Busy("a@x", (start, end, FreeBusyStatus.WorkingElsewhere)))).Slots);
    }

    [Fact]
    public void TentativeIsASoftConflictThatRanksBelowFreeTime()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = start.AddDays(1);
        var snapshot = Snapshot(start, end, Busy("a@x",
            (Berlin.At(2026, 5, 4, 8), Berlin.At(2026, 5, 4, 9), FreeBusyStatus.Tentative),
            (Berlin.At(2026, 5, 4, 9), Berlin.At(2026, 5, 4, 15), FreeBusyStatus.Busy)));

        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(1), Required = ["a@x"], Step = TimeSpan.FromHours(1) }, snapshot);

        Assert.Equal([Berlin.At(2026, 5, 4, 15), Berlin.At(2026, 5, 4, 8)], result.Slots.Select(s => s.Start));
        Assert.Equal(SlotAttendance.Tentative, result.Slots[1].Attendees[0].Attendance);
        Assert.True(result.Slots[0].Score > result.Slots[1].Score);
    }

    [Fact]
    public void NoSlotOnAnNrwPublicHolidayButOnTheSameDayWithoutHolidays()
    {
        // Thursday 4 June 2026 is Corpus Christi (Fronleichnam), a public holiday in North Rhine-Westphalia.
        var start = Berlin.At(2026, 6, 4);
        var search = new SlotSearch { WindowStart = start, WindowEnd = start.AddDays(1), Duration = TimeSpan.FromHours(1), Required = ["a@x"] };

        Assert.Empty(Finder.Find(search, Snapshot(start, start.AddDays(1))).Slots);
        Assert.NotEmpty(new SlotFinder(NoHolidays.Instance).Find(search, Snapshot(start, start.AddDays(1))).Slots);
    }

    [Fact]
    public void WorkingHoursOfEachRequiredPersonBoundTheSlots()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = start.AddDays(7);
        var partTime = new ScheduleAvailability
        {
            ScheduleId = "p@x",
            WorkingHours = new WorkingHours { Days = [DayOfWeek.Tuesday, DayOfWeek.Thursday], Start = new TimeOnly(7, 30), End = new TimeOnly(13, 30) },
        };

        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(2), Required = ["a@x", "p@x"], MaxResults = 50, NonOverlapping = false },
            Snapshot(start, end, partTime));

        Assert.NotEmpty(result.Slots);
        Assert.All(result.Slots, s =>
        {
            var local = Berlin.Local(s.Start);
            Assert.Contains(local.DayOfWeek, new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday });
            Assert.True(local.TimeOfDay >= TimeSpan.FromHours(8), "default hours of a@x start at 8:00");
            Assert.True(Berlin.Local(s.End).TimeOfDay <= new TimeSpan(13, 30, 0));
        });
    }

    [Fact]
    public void WorkingHoursInAnotherTimeZoneAreConverted()
    {
        var start = Berlin.At(2026, 5, 4);
        var london = new ScheduleAvailability
        {
            ScheduleId = "uk@x",
            WorkingHours = new WorkingHours { Days = [DayOfWeek.Monday], Start = new TimeOnly(8, 0), End = new TimeOnly(16, 0) },
            WorkingHoursZone = BerlinTime.FindZone("GMT Standard Time"),
        };

        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = start.AddDays(1), Duration = TimeSpan.FromHours(1), Required = ["uk@x"], MaxResults = 20, NonOverlapping = false, Step = TimeSpan.FromHours(1) },
            Snapshot(start, start.AddDays(1), london));

        // 8:00–16:00 in London (BST) is 9:00–17:00 in Berlin.
        Assert.Equal(Berlin.At(2026, 5, 4, 9), result.Slots.Min(s => s.Start));
        Assert.Equal(Berlin.At(2026, 5, 4, 17), result.Slots.Max(s => s.End));
    }

    [Fact]
    public void BuffersKeepTimeFreeBeforeAndAfter()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = start.AddDays(1);
        var snapshot = Snapshot(start, end, Busy("a@x", (Berlin.At(2026, 5, 4, 10), Berlin.At(2026, 5, 4, 11), FreeBusyStatus.Busy)));
        var search = new SlotSearch
        {
            WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(1), Required = ["a@x"], Step = TimeSpan.FromMinutes(15),
            BufferBefore = TimeSpan.FromMinutes(30), BufferAfter = TimeSpan.FromMinutes(15), MaxResults = 100, NonOverlapping = false,
        };

        var starts = Finder.Find(search, snapshot).Slots.Select(s => s.Start).ToHashSet();

        Assert.Contains(Berlin.At(2026, 5, 4, 8, 45), starts);
        Assert.DoesNotContain(Berlin.At(2026, 5, 4, 9), starts);
        Assert.DoesNotContain(Berlin.At(2026, 5, 4, 11, 15), starts);
        Assert.Contains(Berlin.At(2026, 5, 4, 11, 30), starts);
    }

    [Fact]
    public void EarliestAndLatestTimeOfDayBoundTheMeeting()
    {
        var start = Berlin.At(2026, 5, 4);
        var result = Finder.Find(new SlotSearch
        {
            WindowStart = start, WindowEnd = start.AddDays(3), Duration = TimeSpan.FromHours(3), Required = ["a@x"],
            EarliestTimeOfDay = new TimeOnly(9, 0), LatestTimeOfDay = new TimeOnly(12, 30), MaxResults = 50, NonOverlapping = false,
        }, Snapshot(start, start.AddDays(3)));

        // 9:00–12:00 and 9:30–12:30 on each of the three days; 10:00 would end after 12:30.
        Assert.Equal(6, result.Slots.Count);
        Assert.All(result.Slots, s => Assert.Contains(Berlin.Local(s.Start).TimeOfDay, new[] { new TimeSpan(9, 0, 0), new TimeSpan(9, 30, 0) }));
    }

    [Fact]
    public void QuorumExcludesSlotsWhereTooFewOptionalPeopleCanCome()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = Berlin.At(2026, 5, 4, 12);
        var morning = (Berlin.At(2026, 5, 4, 8), Berlin.At(2026, 5, 4, 12), FreeBusyStatus.Busy);
        var snapshot = Snapshot(start, end, Busy("o1@x", morning), Busy("o2@x", morning), Busy("o3@x", morning));
        SlotSearch Search(double quorum) => new() { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(1), Required = ["r@x"], Optional = ["o1@x", "o2@x", "o3@x", "o4@x"], Quorum = quorum };

        Assert.Empty(Finder.Find(Search(0.5), snapshot).Slots);
        var slot = Finder.Find(Search(0.25), snapshot).Slots[0];
        Assert.Equal(3, slot.UnavailableCount);
        Assert.Equal(SlotAttendance.Free, slot.Attendees.Single(a => a.ScheduleId == "o4@x").Attendance);
    }

    [Fact]
    public void OptionalPeopleRankSlotsByHowManyCanCome()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = start.AddDays(1);
        var snapshot = Snapshot(start, end, Busy("o1@x", (Berlin.At(2026, 5, 4, 8), Berlin.At(2026, 5, 4, 10), FreeBusyStatus.Busy)));

        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(1), Required = ["r@x"], Optional = ["o1@x"], MaxResults = 2 }, snapshot);

        Assert.Equal(Berlin.At(2026, 5, 4, 10), result.Slots[0].Start);
    }

    [Fact]
    public void SmallestFreeRoomWithEnoughSeatsIsChosen()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = Berlin.At(2026, 5, 4, 10);
        MeetingRoom small = new("small@x", "Small", 4), medium = new("medium@x", "Medium", 12), large = new("large@x", "Large", 40);
        var snapshot = Snapshot(start, end, Busy("medium@x", (Berlin.At(2026, 5, 4, 8), Berlin.At(2026, 5, 4, 9), FreeBusyStatus.Busy)));
        var search = new SlotSearch
        {
            WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(1), Required = ["r@x"], Optional = Enumerable.Range(1, 7).Select(i => $"o{i}@x").ToList(),
            Rooms = [large, small, medium], RoomRequired = true, NonOverlapping = false, MaxResults = 5, Step = TimeSpan.FromHours(1),
        };

        var result = Finder.Find(search, snapshot);

        Assert.Equal(large, result.Slots.Single(s => s.Start == Berlin.At(2026, 5, 4, 8)).Room);
        Assert.Equal(medium, result.Slots.Single(s => s.Start == Berlin.At(2026, 5, 4, 9)).Room);
    }

    [Fact]
    public void NoSlotWhenEveryFittingRoomIsBusy()
    {
        var start = Berlin.At(2026, 5, 4);
        var end = Berlin.At(2026, 5, 4, 16);
        var snapshot = Snapshot(start, end, Busy("room@x", (start, end, FreeBusyStatus.Busy)));

        var result = Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromHours(1), Required = ["r@x"], Rooms = [new("room@x", "Room", 10), new("tiny@x", "Tiny", 0)], RoomRequired = true }, snapshot);

        Assert.Empty(result.Slots);
    }

    [Fact]
    public void PreferredDaysRankFirst()
    {
        var start = Berlin.At(2026, 5, 4);
        var result = Finder.Find(new SlotSearch
        {
            WindowStart = start, WindowEnd = start.AddDays(5), Duration = TimeSpan.FromHours(1), Required = ["a@x"],
            PreferredDays = new HashSet<DayOfWeek> { DayOfWeek.Wednesday }, MaxResults = 2, MaxPerDay = 1,
        }, Snapshot(start, start.AddDays(5)));

        Assert.Equal(DayOfWeek.Wednesday, Berlin.Local(result.Slots[0].Start).DayOfWeek);
        Assert.Equal(DayOfWeek.Monday, Berlin.Local(result.Slots[1].Start).DayOfWeek);
    }

    [Fact]
    public void SameInputInAnyOrderGivesTheSameSlotsInTheSameOrder()
    {
        var random = new Random(7);
        var start = Berlin.At(2026, 5, 4);
        var end = start.AddDays(14);
        var schedules = RandomSchedules(random, start, 10);
        var search = new SlotSearch
        {
            WindowStart = start, WindowEnd = end, Duration = TimeSpan.FromMinutes(90), Required = schedules.Take(3).Select(s => s.ScheduleId).ToList(),
            Optional = schedules.Skip(3).Select(s => s.ScheduleId).ToList(), MaxResults = 20,
        };

        var first = Finder.Find(search, new FreeBusySnapshot(start, end, schedules));
        var shuffled = schedules.Select(s => s with { Blocks = s.Blocks.OrderBy(_ => random.Next()).ToList() }).OrderBy(_ => random.Next()).ToList();
        var second = Finder.Find(search with { Optional = search.Optional.ToList() }, new FreeBusySnapshot(start, end, shuffled));

        Assert.NotEmpty(first.Slots);
        Assert.Equal(first.Slots.Select(s => (s.Start, s.Score)), second.Slots.Select(s => (s.Start, s.Score)));
        Assert.Equal(first.Slots.Select(s => s.Score), first.Slots.Select(s => s.Score).OrderDescending());
    }

    [Fact]
    public void RandomCalendarsNeverYieldASlotThatBreaksAHardRule()
    {
        var random = new Random(2026);
        for (var round = 0; round < 150; round++)
        {
            var start = Berlin.At(2026, 3, 1).AddDays(random.Next(0, 300)).AddMinutes(15 * random.Next(0, 96));
            var end = start.AddDays(random.Next(1, 30));
            var schedules = RandomSchedules(random, start, random.Next(2, 12));
            var required = schedules.Take(random.Next(1, 4)).Select(s => s.ScheduleId).ToList();
            var search = new SlotSearch
            {
                WindowStart = start,
                WindowEnd = end,
                Duration = TimeSpan.FromMinutes(15 * random.Next(1, 17)),
                Required = required,
                Optional = schedules.Skip(required.Count).Select(s => s.ScheduleId).ToList(),
                BufferBefore = TimeSpan.FromMinutes(15 * random.Next(0, 3)),
                BufferAfter = TimeSpan.FromMinutes(15 * random.Next(0, 3)),
                EarliestTimeOfDay = random.Next(2) == 0 ? null : new TimeOnly(random.Next(7, 11), 0),
                LatestTimeOfDay = random.Next(2) == 0 ? null : new TimeOnly(random.Next(14, 19), 0),
                Quorum = random.NextDouble() * 0.6,
                Step = TimeSpan.FromMinutes(new[] { 15, 30, 60 }[random.Next(3)]),
                MaxResults = 30,
                NonOverlapping = random.Next(2) == 0,
            };
            var snapshot = new FreeBusySnapshot(start, end, schedules);

            foreach (var slot in Finder.Find(search, snapshot).Slots)
            {
                var local = Berlin.Local(slot.Start);
                Assert.True(slot.Start >= start && slot.End <= end, "inside the window");
                Assert.False(NrwPublicHolidays.Instance.IsHoliday(DateOnly.FromDateTime(local)), $"{local} is a holiday");
                Assert.Equal(0, local.TimeOfDay.Ticks % search.Step.Ticks);
                if (search.EarliestTimeOfDay is { } earliest)
                {
                    Assert.True(TimeOnly.FromDateTime(local) >= earliest);
                }
                if (search.LatestTimeOfDay is { } latest)
                {
                    Assert.True(Berlin.Local(slot.End) <= local.Date + latest.ToTimeSpan());
                }
                foreach (var id in required)
                {
                    var schedule = snapshot.For(id);
                    var from = slot.Start - search.BufferBefore;
                    var to = slot.End + search.BufferAfter;
                    Assert.DoesNotContain(schedule.Blocks, b => b.Status is FreeBusyStatus.Busy or FreeBusyStatus.OutOfOffice && b.Start < to && from < b.End);
                    Assert.True(InsideWorkingHours(schedule.WorkingHours ?? WorkingHours.Default, slot), $"{id} works at {local}");
                }
                var optionalFree = slot.Attendees.Count(a => !a.IsRequired && a.Attendance is SlotAttendance.Free or SlotAttendance.Tentative);
                Assert.True(search.Optional.Count == 0 || optionalFree >= search.Quorum * search.Optional.Count - 1e-9, "quorum");
            }
        }
    }

    private static bool InsideWorkingHours(WorkingHours hours, SlotCandidate slot)
    {
        var start = Berlin.Local(slot.Start);
        var end = Berlin.Local(slot.End);
        return hours.Days.Contains(start.DayOfWeek) && start.Date == end.Date
            && TimeOnly.FromDateTime(start) >= hours.Start && TimeOnly.FromDateTime(end) <= hours.End;
    }

    private static List<ScheduleAvailability> RandomSchedules(Random random, DateTimeOffset start, int count)
    {
        var hours = new[]
        {
            WorkingHours.Default,
            new WorkingHours { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], Start = new TimeOnly(7, 30), End = new TimeOnly(13, 30) },
            new WorkingHours { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday], Start = new TimeOnly(9, 0), End = new TimeOnly(17, 30) },
        };
        var statuses = new[] { FreeBusyStatus.Busy, FreeBusyStatus.Busy, FreeBusyStatus.Tentative, FreeBusyStatus.OutOfOffice, FreeBusyStatus.WorkingElsewhere };
        return Enumerable.Range(0, count).Select(i => new ScheduleAvailability
        {
            ScheduleId = $"p{i}@x",
            WorkingHours = hours[random.Next(hours.Length)],
            Blocks = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var blockStart = start.AddMinutes(random.Next(0, 30 * 24 * 60));
                return new BusyBlock(blockStart, blockStart.AddMinutes(random.Next(5, 240)), statuses[random.Next(statuses.Length)]);
            }).ToList(),
        }).ToList();
    }

    [Fact]
    public void BadSearchIsRejectedInGermanAndEnglish()
    {
        var start = Berlin.At(2026, 5, 4);
        var error = Assert.Throws<SchedulingException>(() => Finder.Find(new SlotSearch { WindowStart = start, WindowEnd = start, Duration = TimeSpan.FromHours(1), Required = ["a@x"] }, Snapshot(start, start)));

        Assert.Equal("window", error.Field);
        Assert.Contains("Zeitraum", error.Problem.De);
        Assert.Contains("window", error.Problem.En);
    }
}
