using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// Results for organizers: parked answers, the outbox state, summaries and exports.
/// Authorization (organizer role) is added with the tab's sign-in.
/// </summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/results");
        group.MapGet("parked", GetParked);
        group.MapGet("outbox", GetOutbox);
        group.MapGet("summary", GetSummary);
        group.MapGet("export.csv", ExportCsv);
        group.MapGet("export.xlsx", ExportXlsx);
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

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCsv(string? poll, string? view, string? lang, IResultsStore store, CancellationToken cancellationToken)
    {
        if (Invalid(poll, lang) is { } problem)
        {
            return problem;
        }
        if (view is not (null or "answers" or "summary"))
        {
            return TypedResults.Problem(Texts.Get("results.error.viewUnknown", lang), statusCode: StatusCodes.Status400BadRequest);
        }
        var answers = await ReadPollAsync(store, poll!, cancellationToken);
        var table = view == "summary" ? ResultsExport.SummaryTable(Summaries(answers), lang) : ResultsExport.AnswersTable(answers, lang);
        return TypedResults.File(ResultsExport.ToCsv(table), "text/csv; charset=utf-8", $"leitbild-{poll}-{view ?? "answers"}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportXlsx(string? poll, string? lang, IResultsStore store, CancellationToken cancellationToken)
    {
        if (Invalid(poll, lang) is { } problem)
        {
            return problem;
        }
        var answers = await ReadPollAsync(store, poll!, cancellationToken);
        var workbook = ResultsExport.ToXlsx(ResultsExport.AnswersTable(answers, lang), ResultsExport.SummaryTable(Summaries(answers), lang));
        return TypedResults.File(workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"leitbild-{poll}.xlsx");
    }

    private static ProblemHttpResult? Invalid(string? poll, string? lang) =>
        string.IsNullOrWhiteSpace(poll) ? TypedResults.Problem(Texts.Get("results.error.pollMissing", lang), statusCode: StatusCodes.Status400BadRequest) : null;

    /// <summary>The summary of a poll: each goal it asked about, over this poll's answers only.</summary>
    private static IEnumerable<GoalSummary> Summaries(IReadOnlyList<Answer> answers) =>
        answers.Select(a => a.GoalId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(goal => GoalSummaryCalculator.Compute(goal, answers));

    private static async Task<IReadOnlyList<Answer>> ReadPollAsync(IResultsStore store, string poll, CancellationToken cancellationToken)
    {
        var answers = new List<Answer>();
        string? token = null;
        do
        {
            var page = await store.ReadAnswersAsync(new AnswerQuery { PollId = poll, PageSize = AnswerQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            answers.AddRange(page.Answers);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return answers.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
    }
}
