using Leitbild.Teams.App.Evaluation.Report;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

// /api/tab/evaluation (reviewers and organizers): the evaluation, the Abschlussbericht and the summary.
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

    public static async Task<Ok<ProcessEvaluation>> GetEvaluation(ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.EvaluateAsync(cancellationToken) ?? throw NoProcess());

    public static async Task<FileContentHttpResult> GetReport(ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.File(await reports.WordAsync(cancellationToken) ?? throw NoProcess(), FinalReport.ContentType, "abschlussbericht.docx");

    public static async Task<ContentHttpResult> GetMarkdown(ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Text(await reports.MarkdownAsync(cancellationToken) ?? throw NoProcess(), "text/markdown; charset=utf-8");

    public static async Task<ContentHttpResult> GetHtml(ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Text(await reports.HtmlAsync(cancellationToken) ?? throw NoProcess(), "text/html; charset=utf-8");

    // ReportService answers null when the installation has no process yet.
    private static ProblemException NoProcess() => ProblemException.NotFound("process", "problem.process.none");
}
