using Leitbild.Teams.Core.Evaluation;
using static Leitbild.Teams.App.Evaluation.Report.ReportFormat;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>How the report names goals, phases and decisions.</summary>
internal sealed class ReportGoals(ProcessEvaluation evaluation)
{
    private readonly Dictionary<string, GoalEvaluation> _goals = evaluation.AllGoals.ToDictionary(g => g.GoalId, StringComparer.Ordinal);

    /// <summary>"klima-1: wording" (the final wording, or the seed's for a goal that left the catalogue).</summary>
    public string Label(string goalId) => _goals.TryGetValue(goalId, out var g)
        ? $"{goalId}: {(g.State == GoalState.Active ? g.FinalText.De : g.SeedText.De)}"
        : goalId;

    public string Id(string goalId) => goalId;

    public string PhaseTitle(string phaseId) => evaluation.Process.Phases.FirstOrDefault(p => p.Id == phaseId)?.Title.De ?? phaseId;

    public string Decision(GoalChange change) => change.Kind switch
    {
        GoalOutcomeKind.Reworded => $"{Outcome(change.Kind)}: „{change.NewText?.De}“",
        GoalOutcomeKind.Merged => F("report.state.mergedInto", change.MergedIntoGoalId ?? "?"),
        _ => Outcome(change.Kind),
    };
}
