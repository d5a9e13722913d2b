using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>The dashboard's navigation: which sections exist and which feature module fills each one (reviewers and organizers).</summary>
public static class DashboardApi
{
    /// <summary>A section; <c>Module</c> is null while its feature is still coming, and the page says so.</summary>
    public sealed record Section(string Id, string? Feature, bool Available, string? Module);

    public sealed record Dashboard(IReadOnlyList<Section> Sections);

    /// <summary>GET /api/tab/dashboard (the group carries the Reviewer policy).</summary>
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("", GetDashboard);
        return dashboard;
    }

    public static Ok<Dashboard> GetDashboard(IEnumerable<TabSectionModule> modules)
    {
        var bySection = modules.GroupBy(m => m.SectionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().ModuleUrl, StringComparer.Ordinal);
        var sections = TabSections.All.Select(s =>
        {
            // The Process page is built into the tab; the others wait for their feature to register a module.
            var available = s.Feature is null || bySection.ContainsKey(s.Id);
            return new Section(s.Id, s.Feature, available, bySection.GetValueOrDefault(s.Id));
        }).ToArray();
        return TypedResults.Ok(new Dashboard(sections));
    }
}
