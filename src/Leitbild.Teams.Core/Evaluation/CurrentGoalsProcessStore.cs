using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Evaluation;

// The process store everyone gets: the seeded store, except that the goal catalogue is the current one (the seed with
// every workshop's changes applied), so polls, cards and the tab use the agreed wording and merged or dropped goals are
// gone. A rule over two ports, so it is Core's: which catalogue counts must not depend on the database behind it.
public sealed class CurrentGoalsProcessStore(ISeededProcessStore seeded, IGoalHistoryStore history) : IProcessStore
{
    public Task<IReadOnlyList<ProcessTemplate>> ListProcessesAsync(CancellationToken cancellationToken) => seeded.ListProcessesAsync(cancellationToken);

    public Task<ProcessTemplate?> GetProcessAsync(string processId, CancellationToken cancellationToken) => seeded.GetProcessAsync(processId, cancellationToken);

    public Task SaveProcessAsync(ProcessTemplate process, CancellationToken cancellationToken) => seeded.SaveProcessAsync(process, cancellationToken);

    public async Task<GoalCatalogue?> GetGoalsAsync(string processId, CancellationToken cancellationToken)
    {
        var seed = await seeded.GetGoalsAsync(processId, cancellationToken);
        var process = await seeded.GetProcessAsync(processId, cancellationToken);
        if (seed is null || process is null)
        {
            return seed;
        }
        var changes = await history.ListAsync(processId, cancellationToken);
        return changes.Count == 0 ? seed : GoalHistory.Apply(seed, process, changes);
    }
}
