using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Leitbild.Teams.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Core.Tests.Scheduling;

public class WorkshopServiceTests
{
    private readonly FakeCalendar _calendar = new();
    private readonly InMemoryWorkshopStore _store = new();
    private readonly FakeTimeProvider _time = new(Berlin.At(2026, 5, 1, 9));
    private readonly WorkshopService _service;

    public WorkshopServiceTests()
    {
        _calendar.Rooms.AddRange([new MeetingRoom("ratssaal@city.example", "Ratssaal", 40), new MeetingRoom("r214@city.example", "Raum 2.14", 6)]);
        _service = new WorkshopService(_calendar, FakeDirectory.Small(), _store, new SlotFinder(NrwPublicHolidays.Instance), _time);
    }

    private WorkshopRequest Request(bool room = true) => new()
    {
        Title = "Workshop 1 – Zieldiskussion",
        OrganizerId = "org",
        Required = ["int1", "int2"],
        Optional = ["sta-61", "sta-20"],
        NeedsRoom = room,
        Duration = TimeSpan.FromHours(3),
        WindowStart = Berlin.At(2026, 6, 1),
        WindowEnd = Berlin.At(2026, 6, 13),
    };

    [Fact]
    public async Task BestSlotsHaveARoomThatFitsEveryone()
    {
        _calendar.AddBusy("r214@city.example", Berlin.At(2026, 6, 1), Berlin.At(2026, 6, 13));
        var workshop = await _service.CreateAsync(Request(), CancellationToken.None);

        var result = await _service.FindSlotsAsync(workshop.Id, 5, CancellationToken.None);

        Assert.Equal(5, result.Slots.Count);
        Assert.All(result.Slots, s => Assert.Equal("ratssaal@city.example", s.Room!.Email));
        Assert.Equal(7, workshop.Participants.Count);
    }

    [Fact]
    public async Task BookingDirectlyInvitesEveryoneWithATeamsMeetingAndTheRoom()
    {
        var workshop = await _service.CreateAsync(Request(), CancellationToken.None);
        var slot = (await _service.FindSlotsAsync(workshop.Id, 3, CancellationToken.None)).Slots[0];

        var booked = await _service.BookAsync(workshop.Id, slot.Start, null, CancellationToken.None);

        Assert.Equal(WorkshopStatus.Booked, booked.Status);
        var written = Assert.Single(_calendar.Events);
        Assert.Equal("org@city.example", written.OrganizerEmail);
        Assert.True(written.IsOnlineMeeting);
        Assert.Contains(written.Attendees, a => a.Kind == AttendeeKind.Resource && a.Email == booked.RoomEmail);
        Assert.Equal(2, written.Attendees.Count(a => a.Kind == AttendeeKind.Required));
        // Five optional participants, but the organizer (in StA 61) owns the event rather than being invited to it.
        Assert.Equal(4, written.Attendees.Count(a => a.Kind == AttendeeKind.Optional));
        await Assert.ThrowsAsync<SchedulingException>(() => _service.BookAsync(workshop.Id, slot.Start, null, CancellationToken.None));
    }

    [Fact]
    public async Task AVoteBooksItselfWhenAllRequiredSayYes()
    {
        var workshop = await _service.CreateAsync(Request(room: false), CancellationToken.None);
        var vote = await _service.StartVoteAsync(workshop.Id, null, Berlin.At(2026, 5, 20), CancellationToken.None);
        Assert.InRange(vote.Options.Count, 3, 5);

        await _service.CastBallotAsync(vote.Id, "int1", new Dictionary<int, VoteAnswer> { [0] = VoteAnswer.No, [1] = VoteAnswer.Yes, [2] = VoteAnswer.Yes }, CancellationToken.None);
        Assert.Empty(_calendar.Events);
        var state = await _service.CastBallotAsync(vote.Id, "int2", new Dictionary<int, VoteAnswer> { [0] = VoteAnswer.Yes, [1] = VoteAnswer.Maybe, [2] = VoteAnswer.Yes }, CancellationToken.None);

        Assert.Equal(SlotVoteStatus.Decided, state.Vote.Status);
        Assert.Equal(2, state.Vote.DecidedOption);
        Assert.Equal(WorkshopStatus.Booked, state.Workshop.Status);
        Assert.Equal(vote.Options[2].Start, Assert.Single(_calendar.Events).Start);
    }

    [Fact]
    public async Task AtTheDeadlineTheBestOptionIsBooked()
    {
        var workshop = await _service.CreateAsync(Request(room: false), CancellationToken.None);
        var vote = await _service.StartVoteAsync(workshop.Id, null, Berlin.At(2026, 5, 20), CancellationToken.None);
        await _service.CastBallotAsync(vote.Id, "int1", new Dictionary<int, VoteAnswer> { [0] = VoteAnswer.No, [1] = VoteAnswer.Yes, [2] = VoteAnswer.Maybe }, CancellationToken.None);
        await _service.CastBallotAsync(vote.Id, "s1", new Dictionary<int, VoteAnswer> { [1] = VoteAnswer.No, [2] = VoteAnswer.Yes }, CancellationToken.None);

        Assert.Equal(0, await _service.SettleDueVotesAsync(CancellationToken.None));
        _time.SetUtcNow(Berlin.At(2026, 5, 20, 0, 1));
        Assert.Equal(1, await _service.SettleDueVotesAsync(CancellationToken.None));

        // Option 1 and 2 have no required "no"; option 1 has a required "yes".
        Assert.Equal(vote.Options[1].Start, Assert.Single(_calendar.Events).Start);
        await Assert.ThrowsAsync<SchedulingException>(() => _service.CastBallotAsync(vote.Id, "int2", new Dictionary<int, VoteAnswer> { [0] = VoteAnswer.Yes }, CancellationToken.None));
    }

    [Fact]
    public async Task AFailedBookingAtTheDeadlineIsRetriedWithoutADuplicate()
    {
        var workshop = await _service.CreateAsync(Request(room: false), CancellationToken.None);
        var vote = await _service.StartVoteAsync(workshop.Id, null, Berlin.At(2026, 5, 20), CancellationToken.None);
        _time.SetUtcNow(Berlin.At(2026, 5, 21));
        _calendar.FailNextWrites(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => _service.SettleDueVotesAsync(CancellationToken.None));
        Assert.Equal(1, await _service.SettleDueVotesAsync(CancellationToken.None));
        Assert.Equal(0, await _service.SettleDueVotesAsync(CancellationToken.None));

        Assert.Single(_calendar.Events);
        Assert.Equal(WorkshopStatus.Booked, (await _service.GetAsync(workshop.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task OnlyInvitedPeopleCanVoteAndOnlyOnExistingOptions()
    {
        var workshop = await _service.CreateAsync(Request(room: false), CancellationToken.None);
        var vote = await _service.StartVoteAsync(workshop.Id, null, Berlin.At(2026, 5, 20), CancellationToken.None);

        Assert.Equal("personId", (await Assert.ThrowsAsync<SchedulingException>(() => _service.CastBallotAsync(vote.Id, "stranger", new Dictionary<int, VoteAnswer> { [0] = VoteAnswer.Yes }, CancellationToken.None))).Field);
        Assert.Equal("answers", (await Assert.ThrowsAsync<SchedulingException>(() => _service.CastBallotAsync(vote.Id, "int1", new Dictionary<int, VoteAnswer> { [9] = VoteAnswer.Yes }, CancellationToken.None))).Field);
    }

    [Fact]
    public async Task AVoteNeedsThreeToFiveTimes()
    {
        var workshop = await _service.CreateAsync(Request(room: false), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SchedulingException>(() => _service.StartVoteAsync(workshop.Id, [Berlin.At(2026, 6, 2, 9), Berlin.At(2026, 6, 3, 9)], Berlin.At(2026, 5, 20), CancellationToken.None));

        Assert.Equal("options", error.Field);
        Assert.Equal(WorkshopStatus.Planning, (await _service.GetAsync(workshop.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task RsvpStatusIsReadBackFromTheCalendar()
    {
        var workshop = await _service.CreateAsync(Request(room: false), CancellationToken.None);
        var slot = (await _service.FindSlotsAsync(workshop.Id, 1, CancellationToken.None)).Slots[0];
        var booked = await _service.BookAsync(workshop.Id, slot.Start, null, CancellationToken.None);
        _calendar.Respond(booked.EventId!, "int1@city.example", AttendeeResponse.Declined);

        var rsvp = await _service.GetRsvpAsync(workshop.Id, CancellationToken.None);

        Assert.Equal(AttendeeResponse.Declined, rsvp!.Attendees.Single(a => a.Email == "int1@city.example").Response);
    }

    [Fact]
    public async Task AWorkshopWithoutRequiredPeopleIsRejected()
    {
        var error = await Assert.ThrowsAsync<SchedulingException>(() => _service.CreateAsync(Request() with { Required = [], Optional = [] }, CancellationToken.None));

        Assert.Equal("required", error.Field);
        Assert.Empty(await _store.ListWorkshopsAsync(CancellationToken.None));
    }
}
