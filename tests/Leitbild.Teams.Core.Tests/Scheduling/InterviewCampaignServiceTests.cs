using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Core.Tests.Scheduling;

public class InterviewCampaignServiceTests
{
    private readonly FakeCalendar _calendar = new();
    private readonly InMemoryInterviewStore _store = new();
    private readonly FakeDirectory _directory = FakeDirectory.Small();
    private readonly FakeTimeProvider _time = new(Berlin.At(2026, 5, 1, 9));
    private readonly InterviewCampaignService _service;

    public InterviewCampaignServiceTests() => _service = new InterviewCampaignService(_calendar, _directory, _store, new SlotFinder(NrwPublicHolidays.Instance), _time);

    private InterviewCampaignRequest Request(params string[] interviewees) => new()
    {
        Title = "Leitbild-Interview",
        OrganizerId = "org",
        InterviewerIds = ["int1"],
        Interviewees = interviewees,
        Duration = TimeSpan.FromHours(1),
        WindowStart = Berlin.At(2026, 5, 4),
        WindowEnd = Berlin.At(2026, 5, 16),
    };

    [Fact]
    public async Task EachIntervieweeGetsThreeProposalsOnDifferentDaysWhereBothAreFree()
    {
        _calendar.AddBusy("s1@city.example", Berlin.At(2026, 5, 4), Berlin.At(2026, 5, 5));
        _calendar.AddBusy("int1@city.example", Berlin.At(2026, 5, 5, 8), Berlin.At(2026, 5, 5, 12));

        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);

        var proposals = Assert.Single(overview.Interviews).Proposals;
        Assert.Equal(3, proposals.Count);
        Assert.Equal(3, proposals.Select(p => BerlinTime.LocalDate(p.Start)).Distinct().Count());
        Assert.DoesNotContain(proposals, p => BerlinTime.LocalDate(p.Start) == new DateOnly(2026, 5, 4));
        Assert.DoesNotContain(proposals, p => p.Start < Berlin.At(2026, 5, 5, 12) && p.End > Berlin.At(2026, 5, 5, 8));
        Assert.All(proposals, p => Assert.Equal(["int1@city.example"], p.InterviewerEmails));
        Assert.Equal(1, _calendar.ScheduleCalls);
    }

    [Fact]
    public async Task AnOfficeExpandsToItsPeopleAndInterviewersAreLeftOut()
    {
        var overview = await _service.StartCampaignAsync(Request("sta-61", "s1") with { InterviewerIds = ["int1", "s2"] }, CancellationToken.None);

        Assert.Equal(["org", "s4", "s1"], overview.Interviews.Select(i => i.Interview.IntervieweeId));
    }

    [Fact]
    public async Task ParallelIntervieweesAreOfferedDifferentSlotsWhileThereAreEnough()
    {
        var overview = await _service.StartCampaignAsync(Request("s1", "s2", "s3"), CancellationToken.None);

        var starts = overview.Interviews.SelectMany(i => i.Proposals).Select(p => p.Start).ToList();
        Assert.Equal(9, starts.Count);
        Assert.Equal(starts.Count, starts.Distinct().Count());
    }

    [Fact]
    public async Task BookingWritesOneEventWithATeamsMeetingAndReleasesTheOtherProposals()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);
        var proposals = overview.Interviews[0].Proposals;

        var result = await _service.BookAsync(proposals[1].Id, "s1", CancellationToken.None);

        Assert.Equal(BookingOutcome.Booked, result.Outcome);
        var written = Assert.Single(_calendar.Events);
        Assert.Equal("int1@city.example", written.OrganizerEmail);
        Assert.True(written.IsOnlineMeeting);
        Assert.NotNull(written.JoinUrl);
        Assert.Equal(proposals[1].Start, written.Start);
        Assert.Equal("s1@city.example", Assert.Single(written.Attendees).Email);
        Assert.Equal(InterviewStatus.Booked, result.Interview!.Status);
        var after = await _store.ListProposalsAsync(overview.Interviews[0].Interview.Id, CancellationToken.None);
        Assert.Equal([ProposalStatus.Released, ProposalStatus.Taken, ProposalStatus.Released], after.Select(p => p.Status));
        // The event is now busy time in both calendars.
        var snapshot = await _calendar.GetSchedulesAsync(["int1@city.example", "s1@city.example"], written.Start, written.End, SlotKeys.Cell, CancellationToken.None);
        Assert.All(snapshot.Schedules, s => Assert.Single(s.Blocks));
    }

    [Fact]
    public async Task ASlotThatFilledUpInSomeonesCalendarSinceTheProposalIsNotBooked()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);
        var proposal = overview.Interviews[0].Proposals[0];
        _calendar.AddBusy("s1@city.example", proposal.Start.AddMinutes(30), proposal.End.AddMinutes(30));

        var result = await _service.BookAsync(proposal.Id, "s1", CancellationToken.None);

        Assert.Equal(BookingOutcome.NoLongerFree, result.Outcome);
        Assert.Empty(_calendar.Events);
        Assert.Empty(_store.Claims);
        Assert.Equal(BookingOutcome.Booked, (await _service.BookAsync(overview.Interviews[0].Proposals[1].Id, "s1", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SomeoneElseCannotBookAnIntervieweesProposal()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);

        var result = await _service.BookAsync(overview.Interviews[0].Proposals[0].Id, "s2", CancellationToken.None);

        Assert.Equal(BookingOutcome.NotAllowed, result.Outcome);
        Assert.Empty(_calendar.Events);
    }

    [Fact]
    public async Task TwoIntervieweesClickingTheSameInterviewerSlotAtOnceBookItOnce()
    {
        // One free hour for the interviewer: both interviewees are offered it.
        _calendar.AddBusy("int1@city.example", Berlin.At(2026, 5, 4), Berlin.At(2026, 5, 4, 9));
        _calendar.AddBusy("int1@city.example", Berlin.At(2026, 5, 4, 10), Berlin.At(2026, 5, 16));
        var overview = await _service.StartCampaignAsync(Request("s1", "s2", "s3", "s4"), CancellationToken.None);
        var clicks = overview.Interviews.Select(i => (Proposal: Assert.Single(i.Proposals), i.Interview.IntervieweeId)).ToList();
        Assert.Single(clicks.Select(c => c.Proposal.Start).Distinct());

        using var gate = new Barrier(clicks.Count);
        var results = await Task.WhenAll(clicks.Select(c => Task.Run(async () =>
        {
            gate.SignalAndWait();
            return await _service.BookAsync(c.Proposal.Id, c.IntervieweeId, CancellationToken.None);
        })));

        Assert.Single(results, r => r.Outcome == BookingOutcome.Booked);
        Assert.Equal(clicks.Count - 1, results.Count(r => r.Outcome == BookingOutcome.SlotTaken));
        Assert.Single(_calendar.Events);
    }

    [Fact]
    public async Task ADoubleClickOnTwoProposalsOfOneInterviewBooksOnlyOne()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);
        var proposals = overview.Interviews[0].Proposals;

        var results = await Task.WhenAll(proposals.Select(p => Task.Run(() => _service.BookAsync(p.Id, "s1", CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == BookingOutcome.Booked);
        Assert.Single(_calendar.Events);
    }

    [Fact]
    public async Task ACalendarFailureGivesTheSlotBackAndALaterClickBooksIt()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);
        var proposal = overview.Interviews[0].Proposals[0];
        _calendar.FailNextWrites(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => _service.BookAsync(proposal.Id, "s1", CancellationToken.None));

        Assert.Empty(_store.Claims);
        Assert.Equal(InterviewStatus.Proposed, (await _store.GetInterviewAsync(proposal.InterviewId, CancellationToken.None))!.Status);
        Assert.Equal(BookingOutcome.Booked, (await _service.BookAsync(proposal.Id, "s1", CancellationToken.None)).Outcome);
        Assert.Single(_calendar.Events);
    }

    [Fact]
    public async Task APendingBookingLeftByACrashIsFinishedWithoutADuplicateEvent()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);
        var proposal = overview.Interviews[0].Proposals[0];
        // The event was written, then the process died before confirming.
        await _store.TryClaimAsync(new SlotClaim(proposal.InterviewId, proposal.Id, SlotKeys.For(["int1@city.example"], proposal.Start, proposal.End), _time.GetUtcNow()), CancellationToken.None);
        await _calendar.CreateEventAsync(new NewCalendarEvent { OrganizerEmail = "int1@city.example", Subject = "x", Start = proposal.Start, End = proposal.End, TransactionId = proposal.Id }, CancellationToken.None);

        Assert.Equal(1, await _service.CompletePendingBookingsAsync(CancellationToken.None));

        Assert.Single(_calendar.Events);
        Assert.Equal(InterviewStatus.Booked, (await _store.GetInterviewAsync(proposal.InterviewId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ReschedulingMovesTheSameEventAndFreesTheOldSlot()
    {
        var overview = await _service.StartCampaignAsync(Request("s1", "s2"), CancellationToken.None);
        var first = overview.Interviews[0];
        await _service.BookAsync(first.Proposals[0].Id, "s1", CancellationToken.None);
        var eventId = Assert.Single(_calendar.Events).Id;
        var oldStart = first.Proposals[0].Start;

        var fresh = await _service.RescheduleAsync(first.Interview.Id, CancellationToken.None);
        Assert.Equal(3, fresh.Count);
        Assert.All(fresh, p => Assert.True(p.End <= oldStart || p.Start >= oldStart.AddHours(1), "the booked hour is busy now"));
        Assert.DoesNotContain(fresh, p => p.Start == oldStart);
        var moved = await _service.BookAsync(fresh[2].Id, "s1", CancellationToken.None);

        Assert.Equal(BookingOutcome.Booked, moved.Outcome);
        Assert.Equal(eventId, moved.Event!.Id);
        Assert.Equal(fresh[2].Start, Assert.Single(_calendar.Events).Start);
        Assert.DoesNotContain(_store.Claims.Keys, k => k.CellStart == oldStart.ToUniversalTime());
    }

    [Fact]
    public async Task CancellingABookedInterviewCancelsTheEventAndFreesTheSlotForOthers()
    {
        _calendar.AddBusy("int1@city.example", Berlin.At(2026, 5, 4), Berlin.At(2026, 5, 4, 9));
        _calendar.AddBusy("int1@city.example", Berlin.At(2026, 5, 4, 10), Berlin.At(2026, 5, 16));
        var overview = await _service.StartCampaignAsync(Request("s1", "s2"), CancellationToken.None);
        var (a, b) = (overview.Interviews[0], overview.Interviews[1]);
        await _service.BookAsync(a.Proposals[0].Id, "s1", CancellationToken.None);
        Assert.Equal(BookingOutcome.SlotTaken, (await _service.BookAsync(b.Proposals[0].Id, "s2", CancellationToken.None)).Outcome);
        Assert.False(Assert.Single(await _service.OpenProposalsAsync(b.Interview.Id, CancellationToken.None)).Available);

        var cancelled = await _service.CancelAsync(a.Interview.Id, "Krank", CancellationToken.None);

        Assert.Equal(InterviewStatus.Cancelled, cancelled!.Status);
        Assert.True(Assert.Single(_calendar.Events).IsCancelled);
        Assert.Equal(BookingOutcome.Booked, (await _service.BookAsync(b.Proposals[0].Id, "s2", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task OrganizersSeeEachInterviewsStatus()
    {
        _calendar.AddBusy("s3@city.example", Berlin.At(2026, 5, 4), Berlin.At(2026, 5, 16));
        var overview = await _service.StartCampaignAsync(Request("s1", "s2", "s3"), CancellationToken.None);
        await _service.BookAsync(overview.Interviews[0].Proposals[0].Id, null, CancellationToken.None);

        var rows = await _service.GetStatusAsync(overview.Campaign.Id, CancellationToken.None);

        Assert.Equal([InterviewStatus.Booked, InterviewStatus.Proposed, InterviewStatus.NoSlots], rows.Select(r => r.Status));
        Assert.Equal(["Staff 1", "Staff 2", "Staff 3"], rows.Select(r => r.IntervieweeName));
        Assert.Equal([0, 3, 0], rows.Select(r => r.OpenProposals));
    }

    [Fact]
    public async Task AttendeesResponsesAreReadBack()
    {
        var overview = await _service.StartCampaignAsync(Request("s1"), CancellationToken.None);
        var booked = await _service.BookAsync(overview.Interviews[0].Proposals[0].Id, null, CancellationToken.None);
        _calendar.Respond(booked.Event!.Id, "s1@city.example", AttendeeResponse.Accepted);

        var read = await _service.GetEventAsync(overview.Interviews[0].Interview.Id, CancellationToken.None);

        Assert.Equal(AttendeeResponse.Accepted, Assert.Single(read!.Attendees).Response);
    }

    [Fact]
    public async Task WithAllInterviewersTheyAllMustBeFreeAndAllGetTheEvent()
    {
        _calendar.AddBusy("int2@city.example", Berlin.At(2026, 5, 4), Berlin.At(2026, 5, 7));
        var overview = await _service.StartCampaignAsync(Request("s1") with { InterviewerIds = ["int1", "int2"], Mode = InterviewerMode.All }, CancellationToken.None);
        var proposal = overview.Interviews[0].Proposals[0];

        Assert.True(proposal.Start >= Berlin.At(2026, 5, 7));
        await _service.BookAsync(proposal.Id, "s1", CancellationToken.None);

        Assert.Equal(["int2@city.example", "s1@city.example"], Assert.Single(_calendar.Events).Attendees.Select(a => a.Email));
    }

    [Fact]
    public async Task UnknownInterviewerIsRejectedAndNothingIsStored()
    {
        var error = await Assert.ThrowsAsync<SchedulingException>(() => _service.StartCampaignAsync(Request("s1") with { InterviewerIds = ["nobody"] }, CancellationToken.None));

        Assert.Equal("interviewerIds", error.Field);
        Assert.Empty(await _store.ListCampaignsAsync(CancellationToken.None));
    }
}
