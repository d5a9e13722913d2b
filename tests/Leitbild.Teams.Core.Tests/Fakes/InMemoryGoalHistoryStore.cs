using Leitbild.Teams.Core.Evaluation;

namespace Leitbild.Teams.Core.Tests.Fakes;

public sealed class InMemoryGoalHistoryStore : IGoalHistoryStore
{
    private readonly List<(string ProcessId, RecordedGoalChange Change)> _changes = [];

    public Task<IReadOnlyList<GoalChange>> ListAsync(string processId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GoalChange>>(_changes.Where(c => c.ProcessId == processId).Select(c => c.Change.Change).ToList());

    public Task<IReadOnlyList<RecordedGoalChange>> ListWithOriginAsync(string processId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedGoalChange>>(_changes.Where(c => c.ProcessId == processId).Select(c => c.Change).ToList());

    public Task<GoalChange> AppendAsync(string processId, GoalOutcome outcome, string recordedBy, DateTimeOffset at, bool isSample, CancellationToken cancellationToken)
    {
        var change = outcome.ToChange(_changes.Count + 1, at);
        _changes.Add((processId, new RecordedGoalChange(change, recordedBy, isSample)));
        return Task.FromResult(change);
    }
}
