using System.Security.Claims;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.ResultsStorage;

public sealed record DepartmentResults(string Id, string Name, int RespondentCount, int RatingCount, double? MeanRating, IReadOnlyList<int> Distribution);

public sealed record GoalResults(string Id, string Text, int AnswerCount, int RespondentCount, int RatingCount, int NoAnswerCount, double? MeanRating,
    IReadOnlyList<int> Distribution, double? MeanRank, IReadOnlyDictionary<string, int> ChoiceCounts, IReadOnlyList<string> Comments,
    IReadOnlyList<DepartmentResults> Departments, bool DepartmentsWithheld, bool TooFewRespondents);

public sealed record FieldOfActionResults(string Id, string Title, int AnswerCount, int RatingCount, int NoAnswerCount, double? MeanRating,
    IReadOnlyList<int> Distribution, IReadOnlyList<GoalResults> Goals);

/// <summary>
/// The results page in one answer: per field of action and goal the counts, mean, distribution and comments, departments
/// only where the Core rule allows (at least <see cref="Core.Results.MinimumGroupSize"/> people; below it a goal says
/// <c>TooFewRespondents</c> and carries no counts). In Microsoft 365
/// mode <c>SharePointUrl</c> opens the department heads' report (the summary per goal and office, in its default view "Nach
/// Amt"), <c>SharePointAnswersUrl</c> the raw answers by poll (organizers only: the list is the planning office's);
/// <c>CanExport</c> for organizers.
/// </summary>
public sealed record ResultsOverview(string ProcessId, string ProcessTitle, int AnswerCount, IReadOnlyList<FieldOfActionResults> FieldsOfAction,
    int MinimumGroupSize, OutboxCounts Outbox, string? SharePointUrl, bool CanExport, string? SharePointAnswersUrl = null);

public static class ResultsOverviewApi
{
    /// <summary>GET /api/results/overview?process= (the group carries the Reviewer policy).</summary>
    public static async Task<Results<Ok<ResultsOverview>, ProblemHttpResult>> GetOverview(
        HttpRequest request,
        ClaimsPrincipal principal,
        string? process,
        IProcessStore processes,
        IResultsStore store,
        IResultsOutbox outbox,
        IDirectory directory,
        MinimumGroupSize minimum,
        IOptions<LeitbildOptions> options,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var found = await FindProcessAsync(processes, process, cancellationToken);
        var catalogue = found is null ? null : await processes.GetGoalsAsync(found.Id, cancellationToken);
        if (found is null || catalogue is null)
        {
            return TypedResults.Problem(title: Texts.Get("tab.api.notFound", language),
                detail: Texts.Format("tab.api.processNotFound", language, process ?? string.Empty), statusCode: StatusCodes.Status404NotFound);
        }
        var goals = catalogue.AllGoals.Select(g => g.Id).ToList();
        var summaries = (await store.ReadGoalSummariesAsync(goals, cancellationToken)).ToDictionary(s => s.GoalId, StringComparer.Ordinal);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var fields = catalogue.FieldsOfAction.Select(field =>
        {
            var goalSummaries = field.Goals.Select(g => summaries[g.Id]).ToList();
            var combined = FieldOfActionSummary.Combine(field.Id, goalSummaries);
            return new FieldOfActionResults(field.Id, field.Title.In(language), combined.AnswerCount, combined.RatingCount, combined.NoAnswerCount,
                combined.MeanRating, combined.Distribution,
                [.. field.Goals.Select(goal => ToResults(goal, summaries[goal.Id], organisation, language))]);
        }).ToList();
        var isOrganizer = TabUser.From(principal).IsOrganizer;
        var (reportUrl, answersUrl) = await SharePointLinksAsync(store, options.Value, cancellationToken);
        return TypedResults.Ok(new ResultsOverview(
            found.Id,
            found.Title.In(language),
            fields.Sum(f => f.AnswerCount),
            fields,
            minimum.Value,
            await outbox.CountAsync(cancellationToken),
            reportUrl,
            isOrganizer,
            isOrganizer ? answersUrl : null));
    }

    /// <summary>
    /// The lists' own addresses where the store can name them (SharePoint: each opens its default view, which
    /// provisioning sets); otherwise, or while a list is missing, the site's contents page from the settings.
    /// </summary>
    internal static async Task<(string? Report, string? Answers)> SharePointLinksAsync(IResultsStore store, LeitbildOptions options, CancellationToken cancellationToken)
    {
        var fallback = SharePointLink(options);
        if (options.Mode != AppMode.Microsoft365 || store is not Graph.SharePoint.IResultsListLinks lists)
        {
            return (fallback, fallback);
        }
        try
        {
            var addresses = await lists.GetListAddressesAsync(cancellationToken);
            return (addresses.OfficeSummaries ?? fallback, addresses.Answers ?? fallback);
        }
        catch (Exception e) when (e is Microsoft.Graph.Models.ODataErrors.ODataError or HttpRequestException)
        {
            // The links are a convenience: a Graph outage must not take the results page down with it.
            return (fallback, fallback);
        }
    }

    /// <summary>The site's contents page, from the site address setting: the fallback where the lists cannot be asked.</summary>
    public static string? SharePointLink(LeitbildOptions options) =>
        options.Mode == AppMode.Microsoft365 && Uri.TryCreate(options.Microsoft365.SharePointSiteUrl, UriKind.Absolute, out var site) && site.Scheme == Uri.UriSchemeHttps
            ? site.ToString().TrimEnd('/') + "/_layouts/15/viewlsts.aspx"
            : null;

    /// <summary>The named process, or the first one (one process per installation for now).</summary>
    internal static async Task<ProcessTemplate?> FindProcessAsync(IProcessStore processes, string? processId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(processId))
        {
            return await processes.GetProcessAsync(processId, cancellationToken);
        }
        var all = await processes.ListProcessesAsync(cancellationToken);
        return all.Count > 0 ? all[0] : null;
    }

    private static GoalResults ToResults(Goal goal, GoalSummary summary, Organisation organisation, string language) => new(
        goal.Id,
        goal.Text.In(language),
        summary.AnswerCount,
        summary.RespondentCount,
        summary.RatingCount,
        summary.NoAnswerCount,
        summary.MeanRating,
        summary.Distribution,
        summary.MeanRank,
        summary.ChoiceCounts,
        summary.Comments,
        [.. summary.Departments.Select(d => new DepartmentResults(d.DepartmentId, OfficeName(d.DepartmentId, organisation, language), d.RespondentCount, d.RatingCount, d.MeanRating, d.Distribution))],
        summary.DepartmentsWithheld,
        summary.TooFewRespondents);

    private static string OfficeName(string officeId, Organisation organisation, string language) =>
        organisation.FindOffice(officeId) is { } office ? $"{office.Code} {office.Name.In(language)}" : officeId;
}
