using System.Text.RegularExpressions;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>Where a goal stands after some history: in the catalogue (with its wording), merged or dropped.</summary>
public enum GoalState
{
    Active,
    Merged,
    Dropped,
}

/// <summary>One goal of the seed catalogue after applying history: its wording now, its state, its latest priority.</summary>
public sealed record GoalStanding(string GoalId, string FieldOfActionId, LocalizedText SeedText, LocalizedText Text, GoalState State, string? MergedInto, GoalPriority? Priority);

/// <summary>
/// The goal catalogue's history: applying changes to the seed catalogue, in process order (the workshops' order in the
/// process, then recording order), and checking that every change still makes sense where it falls.
/// </summary>
public static partial class GoalHistory
{
    public const int MaxTextLength = 300;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PollIdPattern();

    /// <summary>Changes in the order they apply: by the phase's position in the process, then by sequence.</summary>
    public static IReadOnlyList<GoalChange> InProcessOrder(ProcessTemplate process, IEnumerable<GoalChange> changes)
    {
        var position = process.Phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return changes.OrderBy(c => position.GetValueOrDefault(c.PhaseId, int.MaxValue)).ThenBy(c => c.Sequence).ToList();
    }

    /// <summary>Every seed goal's standing after the given changes (which must be valid; see <see cref="Problems"/>).</summary>
    public static IReadOnlyList<GoalStanding> Standings(GoalCatalogue seed, ProcessTemplate process, IEnumerable<GoalChange> changes)
    {
        var standings = seed.FieldsOfAction.SelectMany(f => f.Goals.Select(g => new GoalStanding(g.Id, f.Id, g.Text, g.Text, GoalState.Active, null, null)))
            .ToDictionary(s => s.GoalId, StringComparer.Ordinal);
        foreach (var change in InProcessOrder(process, changes))
        {
            if (!standings.TryGetValue(change.GoalId, out var s) || s.State != GoalState.Active)
            {
                continue;
            }
            standings[change.GoalId] = change.Kind switch
            {
                GoalOutcomeKind.Confirmed => s with { Priority = change.Priority ?? s.Priority },
                GoalOutcomeKind.Reworded => s with { Text = change.NewText ?? s.Text, Priority = change.Priority ?? s.Priority },
                GoalOutcomeKind.Merged => s with { State = GoalState.Merged, MergedInto = change.MergedIntoGoalId },
                _ => s with { State = GoalState.Dropped },
            };
        }
        return seed.AllGoals.Select(g => standings[g.Id]).ToList();
    }

    /// <summary>The current catalogue: the seed's fields and order, merged and dropped goals left out, wording as agreed.</summary>
    public static GoalCatalogue Apply(GoalCatalogue seed, ProcessTemplate process, IEnumerable<GoalChange> changes)
    {
        var byId = Standings(seed, process, changes).ToDictionary(s => s.GoalId, StringComparer.Ordinal);
        return seed with
        {
            FieldsOfAction = seed.FieldsOfAction.Select(f => f with
            {
                Goals = f.Goals.Where(g => byId[g.Id].State == GoalState.Active).Select(g => g with { Text = byId[g.Id].Text }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// What is wrong with adding <paramref name="outcome"/> to the history: its own fields first, then whether the whole
    /// history, replayed in process order with it, still holds (a goal merged or dropped cannot be decided on later;
    /// a merge needs a goal that is still in the catalogue).
    /// </summary>
    public static IReadOnlyList<Problem> Problems(GoalCatalogue seed, ProcessTemplate process, IReadOnlyList<GoalChange> history, GoalOutcome outcome)
    {
        var problems = new List<Problem>();
        var phase = process.Phases.FirstOrDefault(p => p.Id == outcome.PhaseId);
        if (phase is null || phase.Kind != PhaseKind.Workshop)
        {
            problems.Add(Problem.Of("phaseId", "outcomes.notAWorkshop", outcome.PhaseId));
        }
        if (seed.FindGoal(outcome.GoalId) is null)
        {
            problems.Add(Problem.Of("goalId", "outcomes.goalUnknown", outcome.GoalId));
        }
        if (!Enum.IsDefined(outcome.Kind))
        {
            problems.Add(Problem.Of("kind", "outcomes.kindUnknown"));
        }
        if (!string.IsNullOrWhiteSpace(outcome.PollId) && !PollIdPattern().IsMatch(outcome.PollId.Trim()))
        {
            problems.Add(Problem.Of("pollId", "outcomes.pollIdInvalid"));
        }
        switch (outcome.Kind)
        {
            case GoalOutcomeKind.Reworded:
                CheckText(problems, "newText.de", outcome.NewText?.De, "outcomes.newTextDe");
                CheckText(problems, "newText.en", outcome.NewText?.En, "outcomes.newTextEn");
                break;
            case GoalOutcomeKind.Merged when string.IsNullOrEmpty(outcome.MergedIntoGoalId):
                problems.Add(Problem.Of("mergedIntoGoalId", "outcomes.mergeTargetMissing"));
                break;
            case GoalOutcomeKind.Merged when outcome.MergedIntoGoalId == outcome.GoalId:
                problems.Add(Problem.Of("mergedIntoGoalId", "outcomes.mergeIntoItself"));
                break;
            case GoalOutcomeKind.Merged when seed.FindGoal(outcome.MergedIntoGoalId!) is null:
                problems.Add(Problem.Of("mergedIntoGoalId", "outcomes.goalUnknown", outcome.MergedIntoGoalId!));
                break;
        }
        if (outcome.Kind is GoalOutcomeKind.Confirmed or GoalOutcomeKind.Reworded && outcome.Priority is null)
        {
            problems.Add(Problem.Of("priority", "outcomes.priorityMissing"));
        }
        if (outcome.Kind is GoalOutcomeKind.Merged or GoalOutcomeKind.Dropped && outcome.Priority is not null)
        {
            problems.Add(Problem.Of("priority", "outcomes.priorityNotAllowed"));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var next = history.Count == 0 ? 1 : history.Max(c => c.Sequence) + 1;
        problems.AddRange(ReplayProblems(seed, process, [.. history, outcome.ToChange(next, DateTimeOffset.UnixEpoch)]));
        return problems;
    }

    /// <summary>Replays the history in process order and names the first change that no longer fits.</summary>
    private static IEnumerable<Problem> ReplayProblems(GoalCatalogue seed, ProcessTemplate process, IReadOnlyList<GoalChange> changes)
    {
        var state = seed.AllGoals.ToDictionary(g => g.Id, _ => GoalState.Active, StringComparer.Ordinal);
        foreach (var change in InProcessOrder(process, changes))
        {
            if (state[change.GoalId] != GoalState.Active)
            {
                var key = state[change.GoalId] == GoalState.Merged ? "outcomes.goalAlreadyMerged" : "outcomes.goalAlreadyDropped";
                yield return Problem.Of("goalId", key, change.GoalId, change.PhaseId);
                yield break;
            }
            if (change.Kind == GoalOutcomeKind.Merged && state[change.MergedIntoGoalId!] != GoalState.Active)
            {
                yield return Problem.Of("mergedIntoGoalId", "outcomes.mergeTargetGone", change.MergedIntoGoalId!, change.PhaseId);
                yield break;
            }
            state[change.GoalId] = change.Kind switch
            {
                GoalOutcomeKind.Merged => GoalState.Merged,
                GoalOutcomeKind.Dropped => GoalState.Dropped,
                _ => GoalState.Active,
            };
        }
    }

    /// <summary>A new wording: present, not too long, no control characters. The keys are "{prefix}.missing" etc.</summary>
    private static void CheckText(List<Problem> problems, string field, string? text, string keyPrefix)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem.Of(field, keyPrefix + ".missing"));
        }
        else if (text.Trim().Length > MaxTextLength)
        {
            problems.Add(Problem.Of(field, keyPrefix + ".tooLong", MaxTextLength));
        }
        else if (text.Any(char.IsControl))
        {
            problems.Add(Problem.Of(field, keyPrefix + ".control"));
        }
    }
}
