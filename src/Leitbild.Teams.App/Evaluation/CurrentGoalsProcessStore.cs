using Leitbild.Teams.App.Process;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>
/// The process store everyone gets: the same as <see cref="SqliteProcessStore"/>, except that the goal catalogue is the
/// current one (the seed with every workshop's changes applied), so polls, cards and the tab use the agreed wording.
/// The seed itself stays readable through <see cref="SqliteProcessStore"/> for the history and the report.
/// </summary>
public sealed class CurrentGoalsProcessStore(SqliteProcessStore seeded, SqliteGoalHistoryStore history) : IProcessStore
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
