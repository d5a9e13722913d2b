using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Results;

public sealed class HiddenCommentsTests
{
    private static Answer Comment(int person, string text) => new()
    {
        PollId = "p", QuestionId = "q", GoalId = "g1", FieldOfActionId = "f", Value = AnswerValue.OfText(text),
        RespondentKey = "anon-" + person, AnsweredAt = DateTimeOffset.UnixEpoch.AddMinutes(person), PhaseId = "ph", Channel = AnswerChannel.Chat, AppVersion = "1",
    };

    private static readonly Answer[] Comments = [.. Enumerable.Range(1, 5).Select(n => Comment(n, "Kommentar " + n))];

    private static SummaryRules Hiding(params Answer[] answers) =>
        new(MinimumGroupSize.Standard, HiddenComments.ForAnswers(new CommentIds(new byte[32]), answers.Select(a => a.Key)));

    [Fact]
    public void AHiddenCommentIsLeftOutOfTheGoalSummaryButStillCountsAsAnAnswer()
    {
        var summary = GoalSummaryCalculator.Compute("g1", Comments, Hiding(Comments[2]));

        Assert.DoesNotContain("Kommentar 3", summary.Comments);
        Assert.Equal(4, summary.Comments.Count);
        Assert.Equal(5, summary.AnswerCount);
        Assert.Equal(5, summary.RespondentCount);
    }

    [Fact]
    public void AStoresTallyLeavesOutTheSameHiddenComment()
    {
        var rules = Hiding(Comments[0]);

        var fromTally = GoalSummaryCalculator.FromTally(GoalSummaryCalculator.Tally("g1", Comments), rules);

        Assert.Equal(GoalSummaryCalculator.Compute("g1", Comments, rules).Comments, fromTally.Comments);
        Assert.DoesNotContain("Kommentar 1", fromTally.Comments);
    }

    [Fact]
    public void RawAnswersKeepTheRowOfAHiddenCommentWithoutItsText()
    {
        var visible = Hiding(Comments[1]).Hidden.Visible(Comments);

        Assert.Equal(5, visible.Count);
        Assert.Null(visible[1].Value.Text);
        Assert.Equal("Kommentar 1", visible[0].Value.Text);
    }
}
