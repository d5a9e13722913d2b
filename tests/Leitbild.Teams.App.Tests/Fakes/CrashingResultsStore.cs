using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Tests.Fakes;

/// <summary>
/// Passes writes to the real store, then "kills the process": the kill switch fires before the worker can record
/// the delivery, as a kill -9 between Graph's answer and the outbox commit would.
/// </summary>
internal sealed class CrashingResultsStore(IResultsStore inner, CancellationTokenSource killSwitch) : IResultsStore
{
    public int Writes { get; private set; }

    public async Task<IReadOnlyList<AnswerWriteResult>> UpsertManyAsync(IReadOnlyList<AnswerWrite> writes, CancellationToken cancellationToken)
    {
        await inner.UpsertManyAsync(writes, CancellationToken.None);
        Writes += writes.Count;
        await killSwitch.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("The kill switch must be the token the worker runs with.");
    }

    public Task<AnswerWriteResult> UpsertAsync(Answer answer, CancellationToken cancellationToken) => inner.UpsertAsync(answer, cancellationToken);
    public Task<AnswerPage> ReadAnswersAsync(AnswerQuery query, CancellationToken cancellationToken) => inner.ReadAnswersAsync(query, cancellationToken);
    public Task<GoalSummary> ReadGoalSummaryAsync(string goalId, CancellationToken cancellationToken) => inner.ReadGoalSummaryAsync(goalId, cancellationToken);
    public Task<IReadOnlyList<GoalSummary>> ReadGoalSummariesAsync(IReadOnlyList<string> goalIds, CancellationToken cancellationToken) => inner.ReadGoalSummariesAsync(goalIds, cancellationToken);
    public Task RefreshSummariesAsync(IReadOnlyCollection<string> goalIds, CancellationToken cancellationToken) => inner.RefreshSummariesAsync(goalIds, cancellationToken);
    public Task<int> DeleteNamedAnswersAsync(string? respondentKey, CancellationToken cancellationToken) => inner.DeleteNamedAnswersAsync(respondentKey, cancellationToken);
}
