using System.Globalization;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// The Process page's "Termine" per phase: interview campaigns and workshops that name the phase. Reviewers and
/// organizers see progress and a link to the Interviews &amp; Workshops page; staff see only dates already fixed.
/// </summary>
public sealed class SchedulingPhaseItems(IInterviewStore interviews, IWorkshopStore workshops, IProcessStore processes) : IPhaseItemsSource
{
    public string Kind => TabItemKinds.Events;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TabItem>>> ForProcessAsync(string processId, TabUser user, string language, CancellationToken cancellationToken)
    {
        var process = await processes.GetProcessAsync(processId, cancellationToken);
        var byPhase = new Dictionary<string, List<TabItem>>(StringComparer.Ordinal);
        if (process is null)
        {
            return new Dictionary<string, IReadOnlyList<TabItem>>();
        }
        var phases = process.Phases.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var campaign in await interviews.ListCampaignsAsync(cancellationToken))
        {
            if (campaign.PhaseId is not { } phaseId || !phases.Contains(phaseId))
            {
                continue;
            }
            string status;
            if (user.CanReview)
            {
                var rows = await interviews.ListInterviewsAsync(campaign.Id, cancellationToken);
                var invited = rows.Count(r => r.Status != InterviewStatus.Cancelled);
                status = Texts.Format("tab.scheduling.item.campaignProgress", language, rows.Count(r => r.Status == InterviewStatus.Booked), invited);
            }
            else
            {
                status = Texts.Get("tab.scheduling.item.interviews", language);
            }
            Add(byPhase, phaseId, new TabItem("campaign-" + campaign.Id, campaign.Title, status, campaign.WindowStart, campaign.WindowEnd,
                user.CanReview ? SchedulingLinks.Campaign(campaign.Id) : null));
        }
        foreach (var workshop in (await workshops.ListWorkshopsAsync(cancellationToken)).OrderBy(w => w.Start ?? w.WindowStart))
        {
            if (workshop.PhaseId is not { } phaseId || !phases.Contains(phaseId) || (!user.CanReview && workshop.Status != WorkshopStatus.Booked))
            {
                continue;
            }
            Add(byPhase, phaseId, new TabItem("workshop-" + workshop.Id, workshop.Title, SchedulingLabels.Status(workshop.Status, language),
                workshop.Start, workshop.End, user.CanReview ? SchedulingLinks.Workshop(workshop.Id) : null));
        }
        return byPhase.ToDictionary(p => p.Key, p => (IReadOnlyList<TabItem>)p.Value, StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<TabItem>> byPhase, string phaseId, TabItem item)
    {
        if (!byPhase.TryGetValue(phaseId, out var list))
        {
            byPhase[phaseId] = list = [];
        }
        list.Add(item);
    }
}

/// <summary>
/// "Meine Termine" on Mein Leitbild: the person's interview proposals (each a button that books it) and their booked
/// interviews and workshops (with the .ics file in local mode).
/// </summary>
public sealed class SchedulingMyItems(IInterviewStore interviews, IWorkshopStore workshops, IServiceProvider services) : IMyItemsSource
{
    public string Kind => TabItemKinds.Appointments;

    public async Task<IReadOnlyList<TabItem>> ForPersonAsync(TabUser user, string language, CancellationToken cancellationToken)
    {
        // Nothing scheduled for this person: answer from the stores alone. The views need the calendar, which in Microsoft
        // 365 mode is Graph; Mein Leitbild must open for everyone whether or not a calendar is reachable.
        if ((await interviews.ListInterviewsOfPersonAsync(user.Id, cancellationToken)).Count == 0
            && !(await workshops.ListWorkshopsAsync(cancellationToken)).Any(w => w.Participants.Any(p => p.PersonId == user.Id)))
        {
            return [];
        }
        var mine = await services.GetRequiredService<SchedulingViews>().MineAsync(user, cancellationToken);
        var items = new List<TabItem>();
        foreach (var interview in mine.Interviews)
        {
            var actions = new List<TabItemAction>();
            foreach (var proposal in interview.Proposals.Where(p => p.Available))
            {
                actions.Add(new TabItemAction(TabItemActionKinds.Post,
                    Texts.Format("tab.scheduling.my.book", language, SchedulingLabels.Slot(proposal.Proposal.Start, proposal.Proposal.End, language)),
                    $"/api/scheduling/my/proposals/{Uri.EscapeDataString(proposal.Proposal.Id)}/book"));
            }
            if (mine.IcsDownloads && interview.Status == InterviewStatus.Booked && interview.EventId is { } eventId)
            {
                actions.Add(Ics(eventId, language));
            }
            var status = interview.Status == InterviewStatus.Proposed
                ? Texts.Get(actions.Count > 0 ? "tab.scheduling.my.choose" : "tab.scheduling.my.noneLeft", language)
                : SchedulingLabels.Status(interview.Status, language);
            items.Add(new TabItem("interview-" + interview.InterviewId, interview.Title, status, interview.Start, interview.End, null, actions));
        }
        foreach (var workshop in mine.Workshops)
        {
            var actions = mine.IcsDownloads && workshop.Status == WorkshopStatus.Booked && workshop.EventId is { } eventId ? [Ics(eventId, language)] : new List<TabItemAction>();
            items.Add(new TabItem("workshop-" + workshop.WorkshopId, workshop.Title, SchedulingLabels.Status(workshop.Status, language), workshop.Start, workshop.End, null, actions));
        }
        // Things to do (no date yet) first, then by date.
        return items.OrderBy(i => i.Start.HasValue).ThenBy(i => i.Start).ToList();
    }

    private static TabItemAction Ics(string eventId, string language) =>
        new(TabItemActionKinds.Download, Texts.Get("tab.scheduling.ics", language), $"/api/scheduling/events/{Uri.EscapeDataString(eventId)}.ics");
}

/// <summary>Where the Interviews &amp; Workshops page shows a campaign or workshop.</summary>
public static class SchedulingLinks
{
    public static string Campaign(string id) => "/tab/dashboard/interviews-workshops#campaign-" + id;

    public static string Workshop(string id) => "/tab/dashboard/interviews-workshops#workshop-" + id;
}

/// <summary>Status names and times as people read them (Berlin time).</summary>
public static class SchedulingLabels
{
    public static string Status(InterviewStatus status, string language) =>
        Texts.Get("tab.scheduling.interviewStatus." + CamelCase(status.ToString()), language);

    public static string Status(WorkshopStatus status, string language) =>
        Texts.Get("tab.scheduling.workshopStatus." + CamelCase(status.ToString()), language);

    /// <summary>"Di., 12.05.2026, 10:00–11:00" / "Tue 12 May 2026, 10:00–11:00".</summary>
    public static string Slot(DateTimeOffset start, DateTimeOffset end, string language)
    {
        var english = Texts.IsEnglish(language);
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "de-DE");
        var from = BerlinTime.ToLocal(start);
        var to = BerlinTime.ToLocal(end);
        // As the tab's script writes them (Intl.DateTimeFormat), so a time reads the same on the button and in the list.
        var day = from.ToString(english ? "ddd d MMM yyyy" : "ddd'., 'dd.MM.yyyy", culture);
        return $"{day}, {from.ToString("HH:mm", culture)}–{to.ToString("HH:mm", culture)}";
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
