using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Results;

public sealed class GoalSummaryCalculatorTests
{
    private static Answer Answer(int person, AnswerValue value, string? department, string goal = "g1") => new()
    {
        PollId = "p",
        QuestionId = "q",
        GoalId = goal,
        FieldOfActionId = "f",
        Value = value,
        DepartmentId = department,
        RespondentKey = new Guid(person, 0, 0, new byte[8]).ToString("D"),
        AnsweredAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddMinutes(person),
        PhaseId = "ph",
        Channel = AnswerChannel.Chat,
        AppVersion = "1",
    };

    [Fact]
    public void CountsMeanDistributionAndCommentsComeFromTheGoalsAnswersOnly()
    {
        Answer[] answers =
        [
            Answer(1, AnswerValue.OfRating(5), null),
            Answer(2, AnswerValue.OfRating(2), null),
            Answer(3, AnswerValue.None, null),
            Answer(4, AnswerValue.OfText("  Mehr Radwege  "), null),
            Answer(5, AnswerValue.OfRating(1), null, goal: "other"),
            Answer(6, AnswerValue.None, null),
            Answer(7, AnswerValue.OfText("   "), null),
        ];

        var summary = GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard);

        Assert.Equal(6, summary.AnswerCount);
        Assert.Equal(2, summary.RatingCount);
        Assert.Equal(2, summary.NoAnswerCount);
        Assert.Equal(3.5, summary.MeanRating);
        Assert.Equal([0, 1, 0, 0, 1], summary.Distribution);
        Assert.Equal(["Mehr Radwege"], summary.Comments);
        Assert.Empty(summary.Departments);
    }

    [Fact]
    public void AGoalWithoutRatingsHasNoMean() =>
        Assert.Null(GoalSummaryCalculator.Compute("g1", [Answer(1, AnswerValue.None, null)], SummaryRules.Standard).MeanRating);

    [Fact]
    public void ADepartmentWithFourRespondentsIsNotShown()
    {
        var answers = Enumerable.Range(1, 4).Select(p => Answer(p, AnswerValue.OfRating(3), "amt-1")).ToList();

        var summary = GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard);

        Assert.Empty(summary.Departments);
        Assert.True(summary.DepartmentsWithheld);
    }

    [Fact]
    public void FiveAnswersOfOnePersonDoNotMakeAGroupOfFive()
    {
        var answers = Enumerable.Range(1, 5).Select(_ => Answer(1, AnswerValue.OfRating(3), "amt-1") with { QuestionId = Guid.NewGuid().ToString("N") })
            .Concat(Enumerable.Range(2, 5).Select(p => Answer(p, AnswerValue.OfRating(4), "amt-2")))
            .ToList();

        var summary = GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard);

        // amt-1 has one person; showing amt-2 would reveal amt-1 as total minus amt-2.
        Assert.Empty(summary.Departments);
    }

    [Fact]
    public void DepartmentsWithFiveOrMorePeopleAreShownWhenTheRestIsLargeEnoughToo()
    {
        var answers = Enumerable.Range(1, 5).Select(p => Answer(p, AnswerValue.OfRating(5), "amt-1"))
            .Concat(Enumerable.Range(6, 6).Select(p => Answer(p, AnswerValue.OfRating(1), "amt-2")))
            .Concat(Enumerable.Range(12, 2).Select(p => Answer(p, AnswerValue.OfRating(3), "amt-3")))
            .Concat(Enumerable.Range(14, 3).Select(p => Answer(p, AnswerValue.OfRating(3), null)))
            .ToList();

        var summary = GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard);

        Assert.Equal(["amt-1", "amt-2"], summary.Departments.Select(d => d.DepartmentId));
        Assert.Equal(5.0, summary.Departments[0].MeanRating);
        Assert.Equal(6, summary.Departments[1].RespondentCount);
        Assert.True(summary.DepartmentsWithheld);
    }

    [Fact]
    public void ChoicesAndRanksAreCounted()
    {
        var summary = GoalSummaryCalculator.Compute("g1",
        [
            Answer(1, AnswerValue.OfChoices("Bus", "Rad"), null),
            Answer(2, AnswerValue.OfChoices("Rad"), null),
            Answer(3, AnswerValue.OfRank(1), null),
            Answer(4, AnswerValue.OfRank(2), null),
            Answer(5, AnswerValue.OfRank(3), null),
        ], SummaryRules.Standard);

        Assert.Equal(new Dictionary<string, int> { ["Bus"] = 1, ["Rad"] = 2 }, summary.ChoiceCounts);
        Assert.Equal(2.0, summary.MeanRank);
    }

    [Fact]
    public void AStoresTallyGivesTheSameSummaryAsTheAnswersItCounts()
    {
        var answers = Enumerable.Range(1, 12).Select(n => Answer(n, AnswerValue.OfRating(1 + n % 5), n % 2 == 0 ? "amt-a" : "amt-b"))
            .Append(Answer(13, AnswerValue.OfText("  Gut so "), "amt-a"))
            .Append(Answer(14, AnswerValue.OfRank(2), null))
            .Append(Answer(15, AnswerValue.OfChoices("b", "a", "b"), "amt-c"))
            .ToList();

        var tally = GoalSummaryCalculator.Tally("g1", answers);
        var summary = GoalSummaryCalculator.FromTally(tally, SummaryRules.Standard);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard)), System.Text.Json.JsonSerializer.Serialize(summary));
        Assert.Equal(3, tally.Departments.Count);
        // amt-c (one person) and the person without office would be 2 = 15 − 7 − 6: amt-b (6) goes too, so they cannot be subtracted out.
        Assert.Equal(["amt-a"], summary.Departments.Select(d => d.DepartmentId));
        Assert.True(summary.DepartmentsWithheld);
        Assert.Equal(["a", "b"], summary.ChoiceCounts.Keys);
        Assert.Equal(2, summary.ChoiceCounts["b"]);
        Assert.Equal(2.0, summary.MeanRank);
    }
}
