using System.Security.Claims;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// Results for reviewers and organizers: the results page's overview, summaries and the outbox state. Parked answers
/// and exports (which hold every single answer) are for organizers; a guest organizer's export leaves out the
/// respondent column, because guests never see who answered.
/// </summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/results").RequireAuthorization(TabPolicies.Reviewer);
        group.MapGet("overview", ResultsOverviewApi.GetOverview);
        group.MapGet("outbox", GetOutbox);
        group.MapGet("summary", GetSummary);

        var organizers = group.MapGroup("").RequireAuthorization(TabPolicies.Organizer);
        organizers.MapGet("parked", GetParked);
        organizers.MapGet("export.csv", ExportCsv).AuditedRead();
        organizers.MapGet("export.xlsx", ExportXlsx).AuditedRead();
        return routes;
    }

    /// <summary>Answers the results store refused for good, with the reason; nothing is dropped silently.</summary>
    public static async Task<Ok<IReadOnlyList<ParkedAnswer>>> GetParked(IResultsOutbox outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.ListParkedAsync(cancellationToken));

    public static async Task<Ok<OutboxCounts>> GetOutbox(IResultsOutbox outbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.CountAsync(cancellationToken));

    public static async Task<Results<Ok<GoalSummary>, ProblemHttpResult>> GetSummary(string? goal, IResultsStore store, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(goal)
            ? TypedResults.Problem("Bitte ein Ziel angeben (?goal=…) / please give a goal (?goal=…).", statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(await store.ReadGoalSummaryAsync(goal, cancellationToken));

    /// <summary>One poll's answers (?poll=), or without a poll every answer to the goals of the process (?process=, default the first).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCsv(string? poll, string? view, string? lang, string? process, ClaimsPrincipal principal,
        IResultsStore store, IProcessStore processes, SummaryRulesSource summaryRules, CancellationToken cancellationToken)
    {
        if (view is not (null or "answers" or "summary"))
        {
            return TypedResults.Problem(Texts.Get("results.error.viewUnknown", lang), statusCode: StatusCodes.Status400BadRequest);
        }
        var (answers, problem) = await ReadAsync(store, processes, poll, process, lang, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var rules = await summaryRules.CurrentAsync(cancellationToken);
        answers = rules.Hidden.Visible(answers);
        var table = view == "summary"
            ? ResultsExport.SummaryTable(Summaries(answers, rules), lang)
            : ResultsExport.AnswersTable(answers, lang, withRespondent: !TabUser.From(principal).IsGuest);
        return TypedResults.File(ResultsExport.ToCsv(table), "text/csv; charset=utf-8", $"leitbild-{FileStem(poll, lang)}-{view ?? "answers"}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportXlsx(string? poll, string? lang, string? process, ClaimsPrincipal principal,
        IResultsStore store, IProcessStore processes, SummaryRulesSource summaryRules, CancellationToken cancellationToken)
    {
        var (answers, problem) = await ReadAsync(store, processes, poll, process, lang, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var rules = await summaryRules.CurrentAsync(cancellationToken);
        answers = rules.Hidden.Visible(answers);
        var workbook = ResultsExport.ToXlsx(
            ResultsExport.AnswersTable(answers, lang, withRespondent: !TabUser.From(principal).IsGuest),
            ResultsExport.SummaryTable(Summaries(answers, rules), lang));
        return TypedResults.File(workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"leitbild-{FileStem(poll, lang)}.xlsx");
    }

    private static string FileStem(string? poll, string? lang) =>
        string.IsNullOrWhiteSpace(poll) ? Texts.Get("results.export.allStem", lang) : poll;

    /// <summary>
    /// The summary of a poll: each goal it asked about, over this poll's answers only. The summary sheet counts and
    /// distributes, so it follows the minimum group size like every other summary. The answers sheet does not: it is
    /// the raw data the planning office (organizers only) evaluates, one row per answer — but hidden comments lose their
    /// text there too (the caller applies <see cref="HiddenComments.Visible(Answer)"/>), as everywhere outside moderation.
    /// </summary>
    private static IEnumerable<GoalSummary> Summaries(IReadOnlyList<Answer> answers, SummaryRules rules) =>
        answers.Select(a => a.GoalId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(goal => GoalSummaryCalculator.Compute(goal, answers, rules));

    private static async Task<(IReadOnlyList<Answer> Answers, ProblemHttpResult? Problem)> ReadAsync(
        IResultsStore store, IProcessStore processes, string? poll, string? processId, string? lang, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(poll))
        {
            return (await ReadAllAsync(store, [new AnswerQuery { PollId = poll }], cancellationToken), null);
        }
        // The store reads by poll, goal or department; "everything" is every goal of the process's catalogue.
        var process = await ResultsOverviewApi.FindProcessAsync(processes, processId, cancellationToken);
        var catalogue = process is null ? null : await processes.GetGoalsAsync(process.Id, cancellationToken);
        if (catalogue is null)
        {
            return ([], TypedResults.Problem(Texts.Format("results.error.processUnknown", lang, processId ?? string.Empty), statusCode: StatusCodes.Status404NotFound));
        }
        var queries = catalogue.AllGoals.Select(g => new AnswerQuery { GoalId = g.Id }).ToList();
        return (await ReadAllAsync(store, queries, cancellationToken), null);
    }

    private static async Task<IReadOnlyList<Answer>> ReadAllAsync(IResultsStore store, IReadOnlyList<AnswerQuery> queries, CancellationToken cancellationToken)
    {
        var answers = new List<Answer>();
        foreach (var query in queries)
        {
            string? token = null;
            do
            {
                var page = await store.ReadAnswersAsync(query with { PageSize = AnswerQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
                answers.AddRange(page.Answers);
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
        return answers.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
    }
}
