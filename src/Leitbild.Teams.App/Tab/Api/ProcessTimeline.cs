using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>
/// Items of one kind for a phase. <c>Available: false</c> means the feature that fills it has not been installed yet;
/// the client then says so, rather than showing an empty list.
/// </summary>
public sealed record PhaseItems(bool Available, IReadOnlyList<TabItem> Items)
{
    public static readonly PhaseItems NotYetAvailable = new(false, []);
}

public sealed record PhaseView(
    string Id,
    PhaseKind Kind,
    string Title,
    string? Description,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    DateOnly? ActualStart,
    DateOnly? ActualEnd,
    PhaseStatus Status,
    string StatusText,
    IReadOnlyList<string> Participants,
    PhaseItems Polls,
    PhaseItems Events);

public sealed record ProcessTimeline(
    string Id,
    string Title,
    string City,
    string? LeadOffice,
    IReadOnlyList<string> Drivers,
    bool CanEdit,
    IReadOnlyList<PhaseView> Phases);

public sealed record ProcessSummary(string Id, string Title);

/// <summary>Builds the Process page's view of a process in one language, with the items features contribute per phase.</summary>
public static class ProcessTimelineBuilder
{
    public static async Task<ProcessTimeline> BuildAsync(
        ProcessTemplate process,
        TabUser user,
        string language,
        IDirectory directory,
        IEnumerable<IPhaseItemsSource> sources,
        CancellationToken cancellationToken)
    {
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var polls = await CollectAsync(TabItemKinds.Polls, process, user, language, sources, cancellationToken);
        var events = await CollectAsync(TabItemKinds.Events, process, user, language, sources, cancellationToken);
        var lead = organisation.FindOffice(process.LeadOfficeId);
        return new ProcessTimeline(
            process.Id,
            process.Title.In(language),
            process.City,
            lead is null ? null : $"{lead.Code} {lead.Name.In(language)}",
            [.. process.Drivers.Select(d => d.In(language))],
            user.IsOrganizer,
            [.. process.Phases.Select(phase => new PhaseView(
                phase.Id,
                phase.Kind,
                phase.Title.In(language),
                phase.Description?.In(language),
                phase.PlannedStart,
                phase.PlannedEnd,
                phase.ActualStart,
                phase.ActualEnd,
                phase.Status,
                Texts.Get("phase.status." + phase.Status.ToString().ToLowerInvariant(), language),
                [.. phase.ParticipantGroups.Select(id => ParticipantName(id, organisation, language))],
                ItemsFor(polls, phase.Id),
                ItemsFor(events, phase.Id)))]);
    }

    private static string ParticipantName(string id, Organisation organisation, string language)
    {
        if (ParticipantGroups.Audiences.Contains(id))
        {
            return Texts.Get("tab.audience." + id, language);
        }
        if (organisation.Divisions.FirstOrDefault(d => d.Id == id) is { } division)
        {
            return division.Name.In(language);
        }
        return organisation.FindOffice(id) is { } office ? $"{office.Code} {office.Name.In(language)}" : id;
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<TabItem>>?> CollectAsync(
        string kind, ProcessTemplate process, TabUser user, string language, IEnumerable<IPhaseItemsSource> sources, CancellationToken cancellationToken)
    {
        var matching = sources.Where(s => s.Kind == kind).ToList();
        if (matching.Count == 0)
        {
            return null;
        }
        var merged = new Dictionary<string, IReadOnlyList<TabItem>>(StringComparer.Ordinal);
        foreach (var source in matching)
        {
            foreach (var (phaseId, items) in await source.ForProcessAsync(process.Id, user, language, cancellationToken))
            {
                merged[phaseId] = merged.TryGetValue(phaseId, out var existing) ? [.. existing, .. items] : items;
            }
        }
        return merged;
    }

    private static PhaseItems ItemsFor(IReadOnlyDictionary<string, IReadOnlyList<TabItem>>? byPhase, string phaseId) =>
        byPhase is null ? PhaseItems.NotYetAvailable : new PhaseItems(true, byPhase.TryGetValue(phaseId, out var items) ? items : []);
}
