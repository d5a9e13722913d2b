using Leitbild.Teams.Core.Evaluation;
using static Leitbild.Teams.Core.Tests.Evaluation.EvaluationSamples;

namespace Leitbild.Teams.Core.Tests.Evaluation;

public sealed class GoalHistoryTests
{
    private static GoalChange Change(long sequence, string goal, GoalOutcomeKind kind, string phase, string? into = null, string? text = null, GoalPriority? priority = null) => new()
    {
        Sequence = sequence,
        GoalId = goal,
        Kind = kind,
        PhaseId = phase,
        MergedIntoGoalId = into,
        NewText = text is null ? null : new(text, text + " (en)"),
        Priority = priority,
        RecordedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void CurrentCatalogueIsTheSeedWithEveryChangeAppliedInWorkshopOrder()
    {
        // Recorded out of order on purpose: workshop 2's rewording (sequence 1) applies after workshop 1's (sequence 2).
        var changes = new[]
        {
            Change(1, "klima-1", GoalOutcomeKind.Reworded, "w2", text: "Klimaneutral bis 2040", priority: GoalPriority.High),
            Change(2, "klima-1", GoalOutcomeKind.Reworded, "w1", text: "Klimaneutral bis 2045", priority: GoalPriority.Low),
            Change(3, "klima-2", GoalOutcomeKind.Merged, "w1", into: "klima-1"),
            Change(4, "wohnen-2", GoalOutcomeKind.Dropped, "w2"),
        };

        var current = GoalHistory.Apply(Goals, Sample, changes);

        Assert.Equal(["klima-1"], current.FieldsOfAction[0].Goals.Select(g => g.Id));
        Assert.Equal("Klimaneutral bis 2040", current.FieldsOfAction[0].Goals[0].Text.De);
        Assert.Equal(["wohnen-1"], current.FieldsOfAction[1].Goals.Select(g => g.Id));
        var standings = GoalHistory.Standings(Goals, Sample, changes).ToDictionary(s => s.GoalId);
        Assert.Equal(GoalPriority.High, standings["klima-1"].Priority);
        Assert.Equal(GoalState.Merged, standings["klima-2"].State);
        Assert.Equal("klima-1", standings["klima-2"].MergedInto);
        Assert.Equal(GoalState.Dropped, standings["wohnen-2"].State);
        Assert.Equal("Hitzeschutz", standings["klima-2"].SeedText.De);
    }

    [Fact]
    public void AnOutcomeForAGoalThatIsAlreadyGoneIsRefused()
    {
        var history = new[] { Change(1, "wohnen-2", GoalOutcomeKind.Dropped, "w1") };

        var problems = GoalHistory.Problems(Goals, Sample, history,
            new GoalOutcome { GoalId = "wohnen-2", Kind = GoalOutcomeKind.Confirmed, PhaseId = "w2", Priority = GoalPriority.High });

        var problem = Assert.Single(problems);
        Assert.Equal("goalId", problem.Field);
        Assert.Equal("outcomes.goalAlreadyDropped", problem.TextKey);
        Assert.Equal(new object[] { "wohnen-2", "w2" }, problem.Args);
    }

    [Fact]
    public void ARecordForAnEarlierWorkshopThatWouldBreakALaterDecisionIsRefused()
    {
        // Workshop 2 reworded wohnen-1; dropping it in workshop 1 now would make that rewording impossible.
        var history = new[] { Change(1, "wohnen-1", GoalOutcomeKind.Reworded, "w2", text: "Neu", priority: GoalPriority.Medium) };

        var problems = GoalHistory.Problems(Goals, Sample, history, new GoalOutcome { GoalId = "wohnen-1", Kind = GoalOutcomeKind.Dropped, PhaseId = "w1" });

        Assert.Equal("goalId", Assert.Single(problems).Field);
    }

    [Fact]
    public void EveryWrongFieldOfAnOutcomeIsNamedAtOnce()
    {
        var problems = GoalHistory.Problems(Goals, Sample, [], new GoalOutcome
        {
            GoalId = "klima-1",
            Kind = GoalOutcomeKind.Reworded,
            PhaseId = "interviews",
            PollId = "bad id!",
            NewText = new("", "x"),
        });

        Assert.Equal(["newText.de", "phaseId", "pollId", "priority"], problems.Select(p => p.Field).Order());
    }

    [Fact]
    public void AMergeNeedsAnotherGoalThatIsStillInTheCatalogue()
    {
        var history = new[] { Change(1, "klima-2", GoalOutcomeKind.Dropped, "w1") };

        Assert.Equal("mergedIntoGoalId", Assert.Single(GoalHistory.Problems(Goals, Sample, history,
            new GoalOutcome { GoalId = "klima-1", Kind = GoalOutcomeKind.Merged, PhaseId = "w2", MergedIntoGoalId = "klima-2" })).Field);
        Assert.Equal("mergedIntoGoalId", Assert.Single(GoalHistory.Problems(Goals, Sample, [],
            new GoalOutcome { GoalId = "klima-1", Kind = GoalOutcomeKind.Merged, PhaseId = "w1", MergedIntoGoalId = "klima-1" })).Field);
        Assert.Equal("priority", Assert.Single(GoalHistory.Problems(Goals, Sample, [],
            new GoalOutcome { GoalId = "klima-1", Kind = GoalOutcomeKind.Dropped, PhaseId = "w1", Priority = GoalPriority.Low })).Field);
    }
}
