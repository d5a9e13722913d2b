using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using static Leitbild.Teams.Core.Tests.Polls.SamplePolls;

namespace Leitbild.Teams.Core.Tests.Polls;

public class PollSubmissionTests
{
    private static readonly Respondent Anna = new("6f1c2a8e-0000-4000-8000-000000000001", "sta-61");

    private static SubmissionResult Submit(Poll poll, Dictionary<string, string?> inputs, DateTimeOffset? at = null, IReadOnlyCollection<string>? page = null) =>
        PollSubmission.Read(poll, Template.Goals, page ?? poll.Questions.Select(q => q.Id).ToList(), inputs, Anna, AnswerChannel.Chat, "0.1.0", at ?? Now);

    [Fact]
    public void RatingsBecomeOneAnswerPerGoal()
    {
        var result = Submit(Poll(Rating()), new() { ["q1.klima-1"] = "5", ["q1.wohnen-1"] = "na", ["q1.mobilitaet-1"] = "2" });
        Assert.True(result.IsValid);
        Assert.Equal(3, result.Answers.Count);
        var klima = result.Answers.Single(a => a.GoalId == "klima-1");
        Assert.Equal(AnswerValue.OfRating(5), klima.Value);
        Assert.Equal("klima", klima.FieldOfActionId);
        Assert.Equal("workshop-1", klima.PhaseId);
        Assert.Equal("sta-61", klima.DepartmentId);
        Assert.Equal(AnswerKind.NoAnswer, result.Answers.Single(a => a.GoalId == "wohnen-1").Value.Kind);
        Assert.All(result.Answers, a => Assert.Empty(AnswerValidator.Validate(a, Now)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("3.5")]
    [InlineData("drei")]
    public void RatingOutOfRangeIsRefusedAndNothingIsKept(string value)
    {
        var result = Submit(Poll(Rating()), new() { ["q1.klima-1"] = "4", ["q1.wohnen-1"] = value });
        Assert.False(result.IsValid);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void MadeUpOptionIsRefused()
    {
        var result = Submit(Poll(SingleChoice()), new() { ["q2"] = "z" });
        Assert.Equal("This option does not exist.", Assert.Single(result.Problems).English);
    }

    [Fact]
    public void SingleChoiceTakesOneOption()
    {
        Assert.False(Submit(Poll(SingleChoice()), new() { ["q2"] = "a,b" }).IsValid);
        var answer = Assert.Single(Submit(Poll(SingleChoice()), new() { ["q2"] = "b" }).Answers);
        Assert.Equal(["b"], answer.Value.Choices);
    }

    [Fact]
    public void MultipleChoiceKeepsToItsMaximum()
    {
        Assert.Equal(["a", "c"], Assert.Single(Submit(Poll(MultipleChoice(max: 2)), new() { ["q3"] = "a,c" }).Answers).Value.Choices);
        Assert.Contains("at most 2", Assert.Single(Submit(Poll(MultipleChoice(max: 2)), new() { ["q3"] = "a,b,c" }).Problems).English);
    }

    [Fact]
    public void RankingStoresThePositionPerGoal()
    {
        var result = Submit(Poll(Ranking()), new() { ["q4.rank1"] = "wohnen-1", ["q4.rank2"] = "klima-1", ["q4.rank3"] = "bildung-1" });
        Assert.Equal(3, result.Answers.Count);
        Assert.Equal(1, result.Answers.Single(a => a.GoalId == "wohnen-1").Value.Rank);
        Assert.Equal(3, result.Answers.Single(a => a.GoalId == "bildung-1").Value.Rank);
    }

    [Fact]
    public void RankingTheSameGoalTwiceIsRefused() =>
        Assert.False(Submit(Poll(Ranking()), new() { ["q4.rank1"] = "wohnen-1", ["q4.rank2"] = "wohnen-1" }).IsValid);

    [Fact]
    public void RankingAGoalOffTheListIsRefused() =>
        Assert.False(Submit(Poll(Ranking()), new() { ["q4.rank1"] = "wirtschaft-1" }).IsValid);

    [Fact]
    public void TextLongerThanTheLimitIsRefused()
    {
        Assert.False(Submit(Poll(FreeText(maxLength: 10)), new() { ["q5"] = new string('x', 11) }).IsValid);
        Assert.Equal("Mehr Grün", Assert.Single(Submit(Poll(FreeText(maxLength: 10)), new() { ["q5"] = "  Mehr Grün " }).Answers).Value.Text);
    }

    [Fact]
    public void AClosedPollTakesNothing()
    {
        var closed = Poll(Rating()) with { Status = PollStatus.Closed };
        Assert.Equal("The poll is closed.", Assert.Single(Submit(closed, new() { ["q1.klima-1"] = "4" }).Problems).English);
    }

    [Fact]
    public void ThePollClosesAtItsDeadline()
    {
        var poll = Poll(Rating());
        Assert.True(Submit(poll, new() { ["q1.klima-1"] = "4" }, poll.Settings.Deadline!.Value.AddTicks(-1)).IsValid);
        Assert.False(Submit(poll, new() { ["q1.klima-1"] = "4" }, poll.Settings.Deadline!.Value).IsValid);
    }

    [Fact]
    public void AQuestionOfAnotherPollCannotBeAnswered()
    {
        var result = Submit(Poll(Rating()), new() { ["q9.klima-1"] = "4" }, page: ["q9"]);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void AnInputForAGoalNotInTheQuestionIsTampering()
    {
        var result = Submit(Poll(Rating()), new() { ["q1.klima-1"] = "4", ["q1.wirtschaft-1"] = "5" });
        Assert.Equal("Unknown input.", Assert.Single(result.Problems).English);
    }

    [Fact]
    public void AnEmptyPageIsNotAnAnswer() =>
        Assert.Equal("You have not chosen anything yet.", Assert.Single(Submit(Poll(Rating()), []).Problems).English);

    [Fact]
    public void RequiredQuestionMustBeAnswered()
    {
        var poll = Poll(Rating(), FreeText() with { Required = true });
        var result = Submit(poll, new() { ["q1.klima-1"] = "4" });
        Assert.Equal("q5", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void OnlyTheQuestionsOfThePageAreRead()
    {
        var poll = Poll(Rating(), FreeText());
        var result = Submit(poll, new() { ["q1.klima-1"] = "4", ["q5"] = "ignored on page 1" }, page: ["q1"]);
        Assert.Equal("q1", Assert.Single(result.Answers).QuestionId);
    }
}
