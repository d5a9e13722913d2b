using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;

namespace Leitbild.Teams.App.Tests.Scheduling;

/// <summary>Parallel clicks on the real SQLite store: the claim's primary key lets exactly one booking through.
/// The offers lie on Saturdays, where the seeded people have no fictional appointments, so only the claim decides.</summary>
public sealed class ConcurrentBookingTests : IDisposable
{
    private readonly SchedulingApp _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset Berlin(int day, int hour, int minute = 0) => BerlinTime.ToInstant(new DateOnly(2026, 5, day), new TimeOnly(hour, minute));

    /// <summary>A campaign where every interviewee was offered one slot with the same interviewer, starting at the given times.</summary>
    private async Task<List<(InterviewProposal Proposal, Person Interviewee)>> OfferAsync(params DateTimeOffset[] starts)
    {
        var store = _app.Get<IInterviewStore>();
        var organisation = await _app.Get<IDirectory>().GetOrganisationAsync(CancellationToken.None);
        var interviewees = organisation.People.Where(p => !p.IsGuest).Take(starts.Length).ToList();
        var now = _app.Time.GetUtcNow();
        var campaign = new InterviewCampaign
        {
            Id = Guid.NewGuid().ToString("N"), Title = "Leitbild-Interview", OrganizerId = SchedulingApp.Seeded.Organizer,
            InterviewerEmails = [SchedulingApp.Seeded.ModeratorAEmail], Mode = InterviewerMode.AnyOne, Duration = TimeSpan.FromHours(1),
            WindowStart = Berlin(4, 0), WindowEnd = Berlin(30, 0), CreatedAt = now,
        };
        var offers = interviewees.Select((person, i) =>
        {
            var interview = new Interview { Id = Guid.NewGuid().ToString("N"), CampaignId = campaign.Id, IntervieweeId = person.Id, IntervieweeEmail = person.Email, Status = InterviewStatus.Proposed, UpdatedAt = now };
            var proposal = new InterviewProposal
            {
                Id = Guid.NewGuid().ToString("N"), InterviewId = interview.Id, Start = starts[i], End = starts[i].AddHours(1),
                InterviewerEmails = [SchedulingApp.Seeded.ModeratorAEmail], Rank = 1, Status = ProposalStatus.Open,
            };
            return (interview, proposal, person);
        }).ToList();
        await store.CreateCampaignAsync(campaign, offers.Select(o => o.interview).ToList(), offers.Select(o => o.proposal).ToList(), CancellationToken.None);
        return offers.Select(o => (o.proposal, o.person)).ToList();
    }

    private async Task<BookingResult[]> ClickAllAtOnceAsync(List<(InterviewProposal Proposal, Person Interviewee)> offers)
    {
        var service = _app.Get<InterviewCampaignService>();
        using var gate = new Barrier(offers.Count);
        return await Task.WhenAll(offers.Select(o => Task.Run(async () =>
        {
            gate.SignalAndWait();
            return await service.BookAsync(o.Proposal.Id, o.Interviewee.Id, CancellationToken.None);
        })));
    }

    [Fact]
    public async Task TwentyIntervieweesClickingTheSameInterviewerSlotAtOnceBookItExactlyOnce()
    {
        var offers = await OfferAsync(Enumerable.Repeat(Berlin(9, 10), 20).ToArray());

        var results = await ClickAllAtOnceAsync(offers);

        Assert.Single(results, r => r.Outcome == BookingOutcome.Booked);
        Assert.Equal(19, results.Count(r => r.Outcome == BookingOutcome.SlotTaken));
        var events = await _app.Get<LocalCalendar>().ListEventsAsync(SchedulingApp.Seeded.ModeratorAEmail, Berlin(9, 0), Berlin(10, 0), CancellationToken.None);
        Assert.Single(events);
    }

    [Fact]
    public async Task OverlappingSlotsOfOneInterviewerAreNeverBothBooked()
    {
        var offers = await OfferAsync(Berlin(16, 9), Berlin(16, 9, 30), Berlin(16, 9, 45), Berlin(16, 10));

        var results = await ClickAllAtOnceAsync(offers);

        var booked = results.Where(r => r.Outcome == BookingOutcome.Booked).Select(r => r.Interview!.Booked!).ToList();
        Assert.NotEmpty(booked);
        Assert.All(booked, a => Assert.All(booked.Where(b => b != a), b => Assert.False(a.Start < b.End && b.Start < a.End, "two bookings overlap")));
        var events = await _app.Get<LocalCalendar>().ListEventsAsync(SchedulingApp.Seeded.ModeratorAEmail, Berlin(16, 0), Berlin(17, 0), CancellationToken.None);
        Assert.Equal(booked.Count, events.Count);
    }

    [Fact]
    public async Task TheSamePersonDoubleClickingGetsOneBookingAndOneAlreadyBookingOrNotOpen()
    {
        var offers = await OfferAsync(Berlin(23, 10));
        var offer = offers[0];
        var service = _app.Get<InterviewCampaignService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => service.BookAsync(offer.Proposal.Id, offer.Interviewee.Id, CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == BookingOutcome.Booked);
        Assert.All(results.Where(r => r.Outcome != BookingOutcome.Booked), r => Assert.Contains(r.Outcome, new[] { BookingOutcome.AlreadyBooking, BookingOutcome.ProposalNotOpen }));
        Assert.Single(await _app.Get<LocalCalendar>().ListEventsAsync(offer.Interviewee.Email, Berlin(23, 0), Berlin(24, 0), CancellationToken.None));
    }
}
