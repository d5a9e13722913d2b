using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using static Leitbild.Teams.Core.Tests.Polls.SamplePolls;

namespace Leitbild.Teams.Core.Tests.Polls;

/// <summary>A changed answer replaces the earlier one under the same keys; nothing is appended.</summary>
public sealed class ChangingAnswersTests
{
    private static SubmissionResult Submit(Poll poll, Dictionary<string, string?> inputs, IReadOnlyList<Answer> current) =>
        PollSubmission.Read(poll, Template.Goals, poll.Questions.Select(q => q.Id).ToList(), inputs,
            new Respondent("6f1c2a8e-0000-4000-8000-000000000001", "sta-61") { CurrentAnswers = current }, AnswerChannel.Chat, "0.1.0", Now);

    [Fact]
    public void AChangedRankingTakesTheRankOfEveryGoalNoLongerRanked()
    {
        var poll = Poll(Ranking());
        var first = Submit(poll, new() { ["q4.rank1"] = "klima-1", ["q4.rank2"] = "wohnen-1", ["q4.rank3"] = "mobilitaet-1" }, []).Answers;

        var changed = Submit(poll, new() { ["q4.rank1"] = "bildung-1", ["q4.rank2"] = "klima-1" }, first);

        Assert.True(changed.IsValid);
        var byGoal = changed.Answers.ToDictionary(a => a.GoalId, a => a.Value.Rank);
        Assert.Equal(new Dictionary<string, int?> { ["bildung-1"] = 1, ["klima-1"] = 2, ["wohnen-1"] = null, ["mobilitaet-1"] = null }, byGoal);
        // The same keys as before: every store overwrites the old rank rows instead of keeping a second #2.
        Assert.Subset(changed.Answers.Select(a => a.Key).ToHashSet(), first.Select(a => a.Key).ToHashSet());
        Assert.All(changed.Answers, a => Assert.Empty(AnswerValidator.Validate(a, Now)));
    }

    [Fact]
    public void TalliesCountOnlyTheCurrentRanks()
    {
        var poll = Poll(Ranking());
        var first = Submit(poll, new() { ["q4.rank1"] = "klima-1", ["q4.rank2"] = "wohnen-1" }, []).Answers;
        var changed = Submit(poll, new() { ["q4.rank1"] = "wohnen-1" }, first).Answers;
        var stored = first.Concat(changed).GroupBy(a => a.Key).Select(g => g.Last()).ToList();

        Assert.Equal(0, GoalSummaryCalculator.Tally("klima-1", stored).RankCount);
        Assert.Equal(1, GoalSummaryCalculator.Tally("wohnen-1", stored).RankCount);
    }

    [Fact]
    public void AnEmptiedCommentFieldWithdrawsTheComment()
    {
        var poll = Poll(FreeText());
        var first = Submit(poll, new() { ["q5"] = "Herr X bremst alles" }, []).Answers;

        var withdrawn = Submit(poll, new() { ["q5"] = "" }, first);

        Assert.True(withdrawn.IsValid);
        var answer = Assert.Single(withdrawn.Answers);
        Assert.Equal(first[0].Key, answer.Key);
        Assert.True(answer.Value.IsWithdrawn);
        Assert.Null(answer.Value.Text);
        Assert.Empty(AnswerValidator.Validate(answer, Now));
        Assert.DoesNotContain(GoalSummaryCalculator.Tally("klima-2", [answer]).Texts, t => !string.IsNullOrWhiteSpace(t.Text));
    }

    [Fact]
    public void AnEmptyCommentFieldWithoutACommentBeforeIsStillNothingChosen()
    {
        var result = Submit(Poll(FreeText()), new() { ["q5"] = "" }, []);

        Assert.False(result.IsValid);
        Assert.Equal("answers", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void AnEmptyTextThatIsNotAWithdrawalIsStillRefusedByTheValidator()
    {
        var answer = Submit(Poll(FreeText()), new() { ["q5"] = "x" }, []).Answers[0] with { Value = AnswerValue.OfText("  ") };

        Assert.NotEmpty(AnswerValidator.Validate(answer, Now));
    }
}
