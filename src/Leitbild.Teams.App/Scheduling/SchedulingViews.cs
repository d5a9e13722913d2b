using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.Extensions.Options;
using static Leitbild.Teams.App.Scheduling.SchedulingContracts;

namespace Leitbild.Teams.App.Scheduling;

public sealed record InterviewRow(string Id, string IntervieweeId, string IntervieweeName, InterviewStatus Status, DateTimeOffset? Start, DateTimeOffset? End,
    IReadOnlyList<string> Interviewers, string? Room, string? EventId, int OpenProposals);

public sealed record CampaignView(string Id, string Title, string? PhaseId, InterviewerMode Mode, int DurationMinutes, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    string? Room, IReadOnlyList<string> Interviewers, DateTimeOffset CreatedAt, IReadOnlyList<InterviewRow> Interviews);

public sealed record WorkshopView(string Id, string Title, string? PhaseId, WorkshopStatus Status, int DurationMinutes, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    bool NeedsRoom, DateTimeOffset? Start, DateTimeOffset? End, string? Room, int RequiredCount, int OptionalCount, string? EventId, string? VoteId, DateTimeOffset CreatedAt);

/// <summary>The Interviews &amp; Workshops page in one answer. <c>IcsDownloads</c>: local mode, where no Outlook sends invitations.</summary>
public sealed record SchedulingOverview(IReadOnlyList<CampaignView> Campaigns, IReadOnlyList<WorkshopView> Workshops, IReadOnlyList<MeetingRoom> Rooms,
    bool CanOrganize, bool IcsDownloads);

public sealed record MyInterview(string InterviewId, string CampaignId, string Title, InterviewStatus Status, DateTimeOffset? Start, DateTimeOffset? End,
    IReadOnlyList<string> Interviewers, string? Room, string? EventId, IReadOnlyList<ProposalView> Proposals);

public sealed record MyWorkshop(string WorkshopId, string Title, WorkshopStatus Status, DateTimeOffset? Start, DateTimeOffset? End, string? Room, string? EventId, bool Required);

/// <summary>A person's own interviews and workshops (Mein Leitbild, and the bot later).</summary>
public sealed record MyAppointments(IReadOnlyList<MyInterview> Interviews, IReadOnlyList<MyWorkshop> Workshops, bool IcsDownloads);

/// <summary>
/// Builds the tab's views of scheduling: names instead of mailbox addresses, and only what the asking person may see.
/// </summary>
public sealed class SchedulingViews(
    IInterviewStore interviews,
    IWorkshopStore workshops,
    InterviewCampaignService campaignService,
    ICalendar calendar,
    IDirectory directory,
    IOptions<LeitbildOptions> options)
{
    private bool IcsDownloads => options.Value.Mode == AppMode.Local;

    public async Task<SchedulingOverview> OverviewAsync(TabUser user, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(withRooms: true, cancellationToken);
        var campaigns = new List<CampaignView>();
        foreach (var campaign in await interviews.ListCampaignsAsync(cancellationToken))
        {
            var rows = (await campaignService.GetStatusAsync(campaign.Id, cancellationToken)).Select(r => new InterviewRow(
                r.InterviewId, r.IntervieweeId, r.IntervieweeName, r.Status, r.Booked?.Start, r.Booked?.End,
                r.Booked is null ? [] : names.Of(r.Booked.InterviewerEmails), names.OfOptional(r.Booked?.RoomEmail), r.EventId, r.OpenProposals)).ToList();
            campaigns.Add(new CampaignView(campaign.Id, campaign.Title, campaign.PhaseId, campaign.Mode, (int)campaign.Duration.TotalMinutes,
                campaign.WindowStart, campaign.WindowEnd, names.OfOptional(campaign.RoomEmail), names.Of(campaign.InterviewerEmails), campaign.CreatedAt, rows));
        }
        var workshopViews = new List<WorkshopView>();
        foreach (var workshop in (await workshops.ListWorkshopsAsync(cancellationToken)).OrderByDescending(w => w.CreatedAt).ThenBy(w => w.Id, StringComparer.Ordinal))
        {
            var vote = await workshops.GetVoteOfWorkshopAsync(workshop.Id, cancellationToken);
            workshopViews.Add(new WorkshopView(workshop.Id, workshop.Title, workshop.PhaseId, workshop.Status, (int)workshop.Duration.TotalMinutes,
                workshop.WindowStart, workshop.WindowEnd, workshop.NeedsRoom, workshop.Start, workshop.End, names.OfOptional(workshop.RoomEmail),
                workshop.Participants.Count(p => p.IsRequired), workshop.Participants.Count(p => !p.IsRequired), workshop.EventId, vote?.Id, workshop.CreatedAt));
        }
        return new SchedulingOverview(campaigns, workshopViews, await calendar.ListRoomsAsync(cancellationToken), user.IsOrganizer, IcsDownloads);
    }

    /// <summary>The signed-in person's interviews (with proposals still open) and the workshops they are invited to once
    /// a date is being voted on or fixed. Workshops still being planned are the organizers' business.</summary>
    public async Task<MyAppointments> MineAsync(TabUser user, CancellationToken cancellationToken)
    {
        var personalInterviews = await campaignService.ForPersonAsync(user.Id, cancellationToken);
        var allWorkshops = await workshops.ListWorkshopsAsync(cancellationToken);
        var withRooms = personalInterviews.Any(p => p.Interview.Booked?.RoomEmail is not null || p.OpenProposals.Any(o => o.Proposal.RoomEmail is not null))
            || allWorkshops.Any(w => w.RoomEmail is not null);
        var names = await NamesAsync(withRooms, cancellationToken);
        var mine = new List<MyInterview>();
        foreach (var personal in personalInterviews)
        {
            var interview = personal.Interview;
            if (interview.Status == InterviewStatus.NoSlots)
            {
                continue;
            }
            mine.Add(new MyInterview(interview.Id, personal.Campaign.Id, personal.Campaign.Title, interview.Status, interview.Booked?.Start, interview.Booked?.End,
                interview.Booked is null ? [] : names.Of(interview.Booked.InterviewerEmails), names.OfOptional(interview.Booked?.RoomEmail), interview.EventId,
                personal.OpenProposals.Select(p => ToView(p.Proposal, p.Available, names)).ToList()));
        }
        var invited = allWorkshops
            .Where(w => w.Status is WorkshopStatus.Voting or WorkshopStatus.Booked || (w.Status == WorkshopStatus.Cancelled && w.Start is not null))
            .Select(w => (Workshop: w, Me: w.Participants.FirstOrDefault(p => p.PersonId == user.Id)))
            .Where(x => x.Me is not null)
            .Select(x => new MyWorkshop(x.Workshop.Id, x.Workshop.Title, x.Workshop.Status, x.Workshop.Start, x.Workshop.End, names.OfOptional(x.Workshop.RoomEmail),
                x.Workshop.EventId, x.Me!.IsRequired))
            .ToList();
        return new MyAppointments(mine, invited, IcsDownloads);
    }

    public async Task<IReadOnlyList<ProposalView>> ProposalsAsync(string interviewId, CancellationToken cancellationToken)
    {
        var open = await campaignService.OpenProposalsAsync(interviewId, cancellationToken);
        var names = await NamesAsync(open.Any(p => p.Proposal.RoomEmail is not null), cancellationToken);
        return open.Select(p => ToView(p.Proposal, p.Available, names)).ToList();
    }

    /// <summary>The event with a name for every attendee the calendar gave only an address for.</summary>
    public async Task<CalendarEvent> WithNamesAsync(CalendarEvent e, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(e.Attendees.Any(a => a.Kind == AttendeeKind.Resource), cancellationToken);
        return e with { Attendees = e.Attendees.Select(a => a with { DisplayName = string.IsNullOrWhiteSpace(a.DisplayName) ? names.Of(a.Email) : a.DisplayName }).ToList() };
    }

    private static ProposalView ToView(InterviewProposal proposal, bool available, Names names) =>
        new(proposal, available, names.Of(proposal.InterviewerEmails), names.OfOptional(proposal.RoomEmail));

    /// <summary>People's names from the directory; rooms' names only when asked (in Microsoft 365 mode that is a Graph call).</summary>
    private async Task<Names> NamesAsync(bool withRooms, CancellationToken cancellationToken)
    {
        var byEmail = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in (await directory.GetOrganisationAsync(cancellationToken)).People)
        {
            byEmail[person.Email] = person.DisplayName;
        }
        if (withRooms)
        {
            foreach (var room in await calendar.ListRoomsAsync(cancellationToken))
            {
                byEmail[room.Email] = room.DisplayName;
            }
        }
        return new Names(byEmail);
    }

    /// <summary>Display names of people and rooms by SMTP address; an address nobody knows stays as it is.</summary>
    private sealed class Names(Dictionary<string, string> byEmail)
    {
        public string Of(string email) => byEmail.TryGetValue(email, out var name) ? name : email;

        public IReadOnlyList<string> Of(IEnumerable<string> emails) => emails.Select(Of).ToList();

        public string? OfOptional(string? email) => email is null ? null : Of(email);
    }
}
