using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Evaluation;

// One goal as a workshop's page shows it: where it stood before the workshop, and what the workshop decided.
public sealed record WorkshopGoalRow(string GoalId, string FieldOfActionId, GoalStanding Before, GoalChange? Decision);

public sealed record WorkshopOutcomes(Phase Workshop, IReadOnlyList<WorkshopGoalRow> Goals);

public sealed record WorkshopListItem(string PhaseId, LocalizedText Title, DateOnly Start, int Decisions);

// The whole history in process order, with each seed goal's standing now.
public sealed record CatalogueHistory(IReadOnlyList<GoalChange> Changes, IReadOnlyList<GoalStanding> Standings);

// Workshop outcomes of the running process: organizers of the planning team (not guests) record per workshop and goal
// whether it was confirmed, reworded, merged or dropped. Each outcome is appended to the goal history; the catalogue
// everyone reads is the seed with the history applied (CurrentGoalsProcessStore). Recording runs one at a time,
// because the check replays the whole history and two parallel checks could both pass.
public sealed class WorkshopOutcomesService(ISeededProcessStore seeded, IGoalHistoryStore history, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<ProcessTemplate?> ProcessAsync(CancellationToken cancellationToken) => seeded.GetRunningAsync(time, cancellationToken);

    // Who may record: the planning team. External moderators (guests) organize, but the catalogue is the city's to change.
    public static bool MayRecord(Actor actor) => actor.IsMemberOrganizer;

    public static void RequireMayRecord(Actor actor)
    {
        if (!MayRecord(actor))
        {
            throw ProblemException.Forbidden("actor", "outcomes.notAllowed");
        }
    }

    public async Task<IReadOnlyList<WorkshopListItem>> ListWorkshopsAsync(CancellationToken cancellationToken)
    {
        if (await ProcessAsync(cancellationToken) is not { } process)
        {
            return [];
        }
        var changes = await history.ListAsync(process.Id, cancellationToken);
        return process.Phases.Where(p => p.Kind == PhaseKind.Workshop)
            .Select(p => new WorkshopListItem(p.Id, p.Title, p.ActualStart ?? p.PlannedStart, changes.Count(c => c.PhaseId == p.Id)))
            .ToList();
    }

    public async Task<WorkshopOutcomes> GetAsync(string phaseId, CancellationToken cancellationToken)
    {
        var process = await ProcessAsync(cancellationToken);
        var workshop = process?.Phases.FirstOrDefault(p => p.Id == phaseId && p.Kind == PhaseKind.Workshop);
        if (process is null || workshop is null)
        {
            throw ProblemException.NotFound("phaseId", "outcomes.notAWorkshop", phaseId);
        }
        var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
        var changes = GoalHistory.InProcessOrder(process, await history.ListAsync(process.Id, cancellationToken));
        var position = process.Phases.ToList().FindIndex(p => p.Id == phaseId);
        var index = process.Phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var before = GoalHistory.Standings(seed, process, changes.Where(c => index.GetValueOrDefault(c.PhaseId, int.MaxValue) < position));
        var decided = changes.Where(c => c.PhaseId == phaseId).GroupBy(c => c.GoalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return new WorkshopOutcomes(workshop, before.Select(s => new WorkshopGoalRow(s.GoalId, s.FieldOfActionId, s, decided.GetValueOrDefault(s.GoalId))).ToList());
    }

    // Appends an outcome; a ProblemException names every problem, with nothing stored.
    public async Task<GoalChange> RecordAsync(GoalOutcome outcome, Actor actor, CancellationToken cancellationToken)
    {
        RequireMayRecord(actor);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var process = await seeded.RequireRunningAsync(time, cancellationToken);
            var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
            var existing = await history.ListAsync(process.Id, cancellationToken);
            ProblemException.ThrowIfAny(GoalHistory.Problems(seed, process, existing, outcome));
            return await history.AppendAsync(process.Id, outcome, actor.PersonId, time.GetUtcNow(), isSample: false, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<CatalogueHistory> HistoryAsync(CancellationToken cancellationToken)
    {
        var process = await seeded.RequireRunningAsync(time, cancellationToken);
        var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
        var changes = GoalHistory.InProcessOrder(process, await history.ListAsync(process.Id, cancellationToken));
        return new CatalogueHistory(changes, GoalHistory.Standings(seed, process, changes));
    }
}
