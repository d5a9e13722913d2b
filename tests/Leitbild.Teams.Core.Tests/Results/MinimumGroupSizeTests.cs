using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Core.Tests.Polls;

namespace Leitbild.Teams.Core.Tests.Results;

public sealed class MinimumGroupSizeTests
{
    private static Answer Rated(int person, int rating, string? office = null, string question = "q") => new()
    {
        PollId = "poll-1", QuestionId = question, GoalId = "g1", FieldOfActionId = "f", Value = AnswerValue.OfRating(rating), DepartmentId = office,
        RespondentKey = "anon-" + person, AnsweredAt = DateTimeOffset.UnixEpoch.AddMinutes(person), PhaseId = "ph", Channel = AnswerChannel.Chat, AppVersion = "1",
    };

    // A live anonymous poll: a rating and a free-text question about goal g1.
    private static Poll LivePoll() => SamplePolls.Poll(SamplePolls.Rating("q1", "g1"), SamplePolls.FreeText("q2") with { GoalIds = ["g1"] })
        with { Settings = new PollSettings { Visibility = ResultsVisibility.Live, Anonymous = true } };

    private static Answer Comment(int person, string text) => Rated(person, 1) with { QuestionId = "c", Value = AnswerValue.OfText(text) };

    [Fact]
    public void TheMinimumCannotBeSetBelowThree()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinimumGroupSize(2));
        Assert.Equal(3, new MinimumGroupSize(3).Value);
        Assert.Equal(5, MinimumGroupSize.Standard.Value);
    }

    [Fact]
    public void FourPeopleGiveNoCountsNoMeanAndNoComments()
    {
        Answer[] answers = [Rated(1, 5), Rated(2, 1), Rated(3, 4), Comment(4, "Mehr Bäume")];

        var summary = GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard);

        Assert.True(summary.TooFewRespondents);
        Assert.Equal(4, summary.RespondentCount);
        Assert.Equal(0, summary.AnswerCount);
        Assert.Equal(0, summary.RatingCount);
        Assert.Null(summary.MeanRating);
        Assert.Equal([0, 0, 0, 0, 0], summary.Distribution);
        Assert.Empty(summary.Comments);
    }

    [Fact]
    public void FivePeopleAreShown()
    {
        var summary = GoalSummaryCalculator.Compute("g1", Enumerable.Range(1, 5).Select(n => Rated(n, n)), SummaryRules.Standard);

        Assert.False(summary.TooFewRespondents);
        Assert.Equal(3.0, summary.MeanRating);
    }

    [Fact]
    public void ARaisedMinimumHoldsBackWhatTheStandardWouldShow()
    {
        var answers = Enumerable.Range(1, 6).Select(n => Rated(n, 4)).ToList();

        Assert.False(GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard).TooFewRespondents);
        Assert.True(GoalSummaryCalculator.Compute("g1", answers, new SummaryRules(new MinimumGroupSize(7), HiddenComments.None)).TooFewRespondents);
    }

    [Fact]
    public void ABreakdownByOfficeWithFourRespondentsShowsNothingForThatOffice()
    {
        var answers = Enumerable.Range(1, 6).Select(n => Rated(n, 5, "amt-a"))
            .Concat(Enumerable.Range(7, 4).Select(n => Rated(n, 1, "amt-b")))
            .Concat(Enumerable.Range(11, 5).Select(n => Rated(n, 3)))
            .ToList();

        var summary = GoalSummaryCalculator.Compute("g1", answers, SummaryRules.Standard);

        Assert.Equal(["amt-a"], summary.Departments.Select(d => d.DepartmentId));
        Assert.True(summary.DepartmentsWithheld);
    }

    [Fact]
    public void TheSecondPersonAnsweringALivePollDoesNotSeeTheFirstOnesAnswer()
    {
        var poll = LivePoll();
        Answer[] answers = [Rated(1, 1, question: "q1"), Comment(1, "Zu teuer") with { QuestionId = "q2" }, Rated(2, 5, question: "q1")];

        var results = PollTally.Compute(poll, answers, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, new CommentIds(new byte[32]));

        var rating = results.Questions[0];
        Assert.True(rating.TooFewRespondents);
        Assert.Equal([0, 0, 0, 0, 0], rating.Goals[0].Distribution);
        Assert.Null(rating.Goals[0].MeanRating);
        Assert.Empty(results.Questions[1].Comments);
    }

    [Fact]
    public void AnAnonymousPollSentToOnePersonShowsAReviewerNoRating()
    {
        var results = PollTally.Compute(LivePoll(), [Rated(1, 2, "amt-a", question: "q1")], new Dictionary<string, CommentModeration>(),
            SummaryRules.Standard, includeHidden: true, new CommentIds(new byte[32]));

        var goal = results.Questions[0].Goals[0];
        Assert.True(goal.TooFewRespondents);
        Assert.Equal(0, goal.RatingCount);
        Assert.Empty(goal.Departments);
    }

    [Fact]
    public void DivisionsInTheEvaluationFollowTheConfiguredMinimum()
    {
        var counts = new Dictionary<string, int> { ["dez-a"] = 6, ["dez-b"] = 6 };

        Assert.Equal(2, SmallGroups.Apply(counts, 12, MinimumGroupSize.Standard).Shown.Count);
        Assert.Empty(SmallGroups.Apply(counts, 12, new MinimumGroupSize(7)).Shown);
    }
}
