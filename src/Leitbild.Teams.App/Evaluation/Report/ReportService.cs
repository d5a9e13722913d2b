using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>The evaluation as a Word report, Markdown or HTML, for the tab's downloads and the report verb.</summary>
public sealed class ReportService(EvaluationService evaluations, IDirectory directory)
{
    public Task<ProcessEvaluation?> EvaluateAsync(CancellationToken cancellationToken) => evaluations.EvaluateAsync(cancellationToken);

    public async Task<byte[]?> WordAsync(CancellationToken cancellationToken) =>
        await evaluations.EvaluateAsync(cancellationToken) is { } evaluation
            ? FinalReport.Build(evaluation, await directory.GetOrganisationAsync(cancellationToken))
            : null;

    public async Task<string?> MarkdownAsync(CancellationToken cancellationToken) =>
        await evaluations.EvaluateAsync(cancellationToken) is { } evaluation ? SummaryWriter.Markdown(evaluation) : null;

    public async Task<string?> HtmlAsync(CancellationToken cancellationToken) =>
        await evaluations.EvaluateAsync(cancellationToken) is { } evaluation ? SummaryWriter.Html(evaluation) : null;
}
