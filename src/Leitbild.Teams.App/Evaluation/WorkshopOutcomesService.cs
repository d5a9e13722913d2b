using Leitbild.Teams.App.Process;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>One goal as a workshop's page shows it: where it stood before the workshop, and what the workshop decided.</summary>
public sealed record WorkshopGoalRow(string GoalId, string FieldOfActionId, GoalStanding Before, GoalChange? Decision);

public sealed record WorkshopOutcomes(Phase Workshop, IReadOnlyList<WorkshopGoalRow> Goals);

/// <summary>
/// Workshop outcomes: organizers record per workshop and goal whether it was confirmed, reworded, merged or dropped.
/// Each outcome is appended to the goal history; the catalogue everyone reads is the seed with the history applied.
/// Recording runs one at a time, because the check replays the whole history and two parallel checks could both pass.
/// </summary>
public sealed class WorkshopOutcomesService(SqliteProcessStore seeded, SqliteGoalHistoryStore history, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ProcessTemplate?> ProcessAsync(CancellationToken cancellationToken) =>
        (await seeded.ListProcessesAsync(cancellationToken)).FirstOrDefault();

    public async Task<WorkshopOutcomes?> GetAsync(string phaseId, CancellationToken cancellationToken)
    {
        var process = await ProcessAsync(cancellationToken);
        var workshop = process?.Phases.FirstOrDefault(p => p.Id == phaseId && p.Kind == PhaseKind.Workshop);
        if (process is null || workshop is null)
        {
            return null;
        }
        var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
        var changes = GoalHistory.InProcessOrder(process, await history.ListAsync(process.Id, cancellationToken));
        var position = process.Phases.ToList().FindIndex(p => p.Id == phaseId);
        var index = process.Phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var before = GoalHistory.Standings(seed, process, changes.Where(c => index.GetValueOrDefault(c.PhaseId, int.MaxValue) < position));
        var decided = changes.Where(c => c.PhaseId == phaseId).GroupBy(c => c.GoalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return new WorkshopOutcomes(workshop, before.Select(s => new WorkshopGoalRow(s.GoalId, s.FieldOfActionId, s, decided.GetValueOrDefault(s.GoalId))).ToList());
    }

    /// <summary>Appends an outcome; throws <see cref="EvaluationException"/> naming every problem, with nothing stored.</summary>
    public async Task<GoalChange> RecordAsync(GoalOutcome outcome, string recordedBy, CancellationToken cancellationToken, bool isSample = false)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var process = await ProcessAsync(cancellationToken) ?? throw new InvalidOperationException("No process is stored.");
            var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
            var existing = await history.ListAsync(process.Id, cancellationToken);
            var problems = GoalHistory.Problems(seed, process, existing, outcome);
            if (problems.Count > 0)
            {
                throw new EvaluationException(problems);
            }
            return await history.AppendAsync(process.Id, outcome, recordedBy, time.GetUtcNow(), isSample, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The whole history with each goal's standing now.</summary>
    public async Task<(IReadOnlyList<GoalChange> Changes, IReadOnlyList<GoalStanding> Standings)?> HistoryAsync(CancellationToken cancellationToken)
    {
        var process = await ProcessAsync(cancellationToken);
        if (process is null)
        {
            return null;
        }
        var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
        var changes = GoalHistory.InProcessOrder(process, await history.ListAsync(process.Id, cancellationToken));
        return (changes, GoalHistory.Standings(seed, process, changes));
    }
}
