using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Results;

public sealed class FieldOfActionSummaryTests
{
    private static GoalSummary Goal(string id, int answers, int noAnswer, params int[] distribution) => GoalSummaryCalculator.FromTally(new GoalTally
    {
        GoalId = id,
        AnswerCount = answers,
        // At least the minimum group size, so the goal's figures are shown and can be added up.
        RespondentCount = Math.Max(answers, MinimumGroupSize.Default),
        Distribution = distribution,
        NoAnswerCount = noAnswer,
    }, SummaryRules.Standard);

    [Fact]
    public void TheGoalsOfAFieldAreAddedUpAndTheMeanIsTakenOverEveryRating()
    {
        var combined = FieldOfActionSummary.Combine("klima", [Goal("klima-1", 4, 1, 0, 0, 0, 0, 3), Goal("klima-2", 2, 0, 1, 1, 0, 0, 0)]);

        Assert.Equal(6, combined.AnswerCount);
        Assert.Equal(5, combined.RatingCount);
        Assert.Equal(1, combined.NoAnswerCount);
        Assert.Equal([1, 1, 0, 0, 3], combined.Distribution);
        // (1 + 2 + 3 × 5) / 5, not the mean of the two goals' means (5 and 1.5).
        Assert.Equal(3.6, combined.MeanRating);
    }

    [Fact]
    public void AFieldWithoutRatingsHasNoMean() =>
        Assert.Null(FieldOfActionSummary.Combine("klima", [Goal("klima-1", 2, 2, 0, 0, 0, 0, 0)]).MeanRating);
}
