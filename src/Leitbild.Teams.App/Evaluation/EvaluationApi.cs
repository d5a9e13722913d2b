using Leitbild.Teams.App.Evaluation.Report;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.Core.Evaluation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>/api/tab/evaluation (reviewers and organizers): the evaluation, the Abschlussbericht and the summary.</summary>
public static class EvaluationApi
{
    public static RouteGroupBuilder MapEvaluationResults(this RouteGroupBuilder evaluation)
    {
        evaluation.MapGet("", GetEvaluation);
        evaluation.MapGet("report.docx", GetReport);
        evaluation.MapGet("summary.md", GetMarkdown);
        evaluation.MapGet("summary.html", GetHtml);
        return evaluation;
    }

    public static async Task<Results<Ok<ProcessEvaluation>, ProblemHttpResult>> GetEvaluation(HttpRequest request, ReportService reports, CancellationToken cancellationToken) =>
        await reports.EvaluateAsync(cancellationToken) is { } evaluation ? TypedResults.Ok(evaluation) : NoProcess(request);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetReport(HttpRequest request, ReportService reports, CancellationToken cancellationToken) =>
        await reports.WordAsync(cancellationToken) is { } bytes ? TypedResults.File(bytes, FinalReport.ContentType, "abschlussbericht.docx") : NoProcess(request);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMarkdown(HttpRequest request, ReportService reports, CancellationToken cancellationToken) =>
        await reports.MarkdownAsync(cancellationToken) is { } text ? TypedResults.Text(text, "text/markdown; charset=utf-8") : NoProcess(request);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetHtml(HttpRequest request, ReportService reports, CancellationToken cancellationToken) =>
        await reports.HtmlAsync(cancellationToken) is { } text ? TypedResults.Text(text, "text/html; charset=utf-8") : NoProcess(request);

    private static ProblemHttpResult NoProcess(HttpRequest request) =>
        EvaluationProblems.Problem(StatusCodes.Status404NotFound, "evaluation.api.noProcess", RequestLanguage.Of(request));
}
