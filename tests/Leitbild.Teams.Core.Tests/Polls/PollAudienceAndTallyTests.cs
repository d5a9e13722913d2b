using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using static Leitbild.Teams.Core.Tests.Polls.SamplePolls;

namespace Leitbild.Teams.Core.Tests.Polls;

public class PollAudienceAndTallyTests
{
    private static readonly Leitbild.Teams.Core.Results.CommentIds TestCommentIds = new(new byte[32]);

    private static readonly Leitbild.Teams.Core.Process.Person Planner = Template.Organisation.People.First(p => p.OfficeId == "sta-61");
    private static readonly Leitbild.Teams.Core.Process.Person Treasurer = Template.Organisation.People.First(p => p.OfficeId == "sta-20");

    [Fact]
    public void DepartmentAudienceTakesTheOfficeAndItsDivision()
    {
        var org = Template.Organisation;
        Assert.True(PollAudienceRules.Includes(Poll() with { Audience = PollAudience.Department("sta-61") }, Planner, null, org));
        Assert.True(PollAudienceRules.Includes(Poll() with { Audience = PollAudience.Department("dez-4") }, Planner, null, org));
        Assert.False(PollAudienceRules.Includes(Poll() with { Audience = PollAudience.Department("dez-4") }, Treasurer, null, org));
    }

    [Fact]
    public void EveryoneMeansStaffNotGuests()
    {
        var poll = Poll() with { Audience = PollAudience.Everyone };
        var guest = Planner with { Id = "guest-1", IsGuest = true };
        Assert.True(PollAudienceRules.Includes(poll, Planner, null, Template.Organisation));
        Assert.True(PollAudienceRules.Includes(poll, Treasurer, null, Template.Organisation));
        Assert.False(PollAudienceRules.Includes(poll, guest, null, Template.Organisation));
    }

    [Fact]
    public void AnEntraGroupTakesTheMembersKeptWithThePoll()
    {
        var poll = Poll() with { Audience = PollAudience.EntraGroup("aaaaaaaa-0000-0000-0000-000000000001", [Planner.Id]) };
        Assert.True(PollAudienceRules.Includes(poll, Planner, null, Template.Organisation));
        Assert.False(PollAudienceRules.Includes(poll, Treasurer, null, Template.Organisation));
    }

    [Fact]
    public void PeopleAudienceTakesOnlyThoseNamed()
    {
        var poll = Poll() with { Audience = PollAudience.People(Planner.Id) };
        Assert.True(PollAudienceRules.Includes(poll, Planner, null, Template.Organisation));
        Assert.False(PollAudienceRules.Includes(poll, Treasurer, null, Template.Organisation));
    }

    [Fact]
    public void ChatAudienceTakesEveryoneInThatChatOnly()
    {
        var poll = Poll() with { Audience = PollAudience.GroupChat("19:abc@thread.v2") };
        Assert.True(PollAudienceRules.Includes(poll, Treasurer, "19:abc@thread.v2", Template.Organisation));
        Assert.False(PollAudienceRules.Includes(poll, Treasurer, "19:other@thread.v2", Template.Organisation));
        Assert.False(PollAudienceRules.Includes(poll, Treasurer, null, Template.Organisation));
    }

    private static Answer Rated(string person, string goal, int rating) => new()
    {
        PollId = "poll-1", QuestionId = "q1", GoalId = goal, FieldOfActionId = "klima", Value = AnswerValue.OfRating(rating),
        RespondentKey = person, AnsweredAt = Now, PhaseId = "workshop-1", Channel = AnswerChannel.Chat, AppVersion = "0.1.0",
    };

    private static Answer Comment(string person, string text, int minute) => new()
    {
        PollId = "poll-1", QuestionId = "q5", GoalId = "klima-2", FieldOfActionId = "klima", Value = AnswerValue.OfText(text),
        RespondentKey = person, AnsweredAt = Now.AddMinutes(minute), PhaseId = "workshop-1", Channel = AnswerChannel.Chat, AppVersion = "0.1.0",
    };

    private const string P1 = "00000000-0000-4000-8000-000000000001";
    private const string P2 = "00000000-0000-4000-8000-000000000002";
    private const string P3 = "00000000-0000-4000-8000-000000000003";

    [Fact]
    public void TallyCountsMeanAndDistributionPerGoalOfTheQuestion()
    {
        var answers = new[] { Rated(P1, "klima-1", 5), Rated(P2, "klima-1", 4), Rated(P3, "klima-1", 4), Rated(P1, "wohnen-1", 2) };
        var lowest = new SummaryRules(new MinimumGroupSize(MinimumGroupSize.Lowest), HiddenComments.None);
        var results = PollTally.Compute(Poll(Rating()), answers, new Dictionary<string, CommentModeration>(), lowest, includeHidden: false, TestCommentIds);

        Assert.Equal(3, results.RespondentCount);
        var klima = results.Questions[0].Goals.Single(g => g.GoalId == "klima-1");
        Assert.Equal(3, klima.RatingCount);
        Assert.Equal(4.33, klima.MeanRating);
        Assert.Equal([0, 0, 0, 2, 1], klima.Distribution);
        Assert.Equal(0, results.Questions[0].Goals.Single(g => g.GoalId == "mobilitaet-1").AnswerCount);
    }

    [Fact]
    public void HiddenCommentsAreLeftOutForReviewersAndShownWithTheirReasonToOrganizers()
    {
        var answers = new[] { Comment(P1, "Mehr Bäume", 1), Comment(P2, "Unsachlich!", 2), Comment(P3, "Mehr Busse", 3) };
        var hiddenId = TestCommentIds.Of(answers[1].Key);
        var moderation = new Dictionary<string, CommentModeration>
        {
            [hiddenId] = new(hiddenId, true, "beleidigend", P3, Now),
        };
        var poll = Poll(FreeText());

        var rules = new SummaryRules(new MinimumGroupSize(MinimumGroupSize.Lowest), new HiddenComments(new HashSet<string> { hiddenId }, TestCommentIds));
        var forReviewers = PollTally.Compute(poll, answers, moderation, rules, includeHidden: false, TestCommentIds);
        Assert.Equal(["Mehr Bäume", "Mehr Busse"], forReviewers.Questions[0].Comments.Select(c => c.Text));

        var forOrganizers = PollTally.Compute(poll, answers, moderation, rules, includeHidden: true, TestCommentIds);
        var hidden = forOrganizers.Questions[0].Comments.Single(c => c.Hidden);
        Assert.Equal("beleidigend", hidden.HiddenReason);
    }

    [Fact]
    public void CommentIdsDoNotRevealTheRespondent()
    {
        var key = Comment(P1, "x", 0).Key;
        var id = TestCommentIds.Of(key);
        Assert.DoesNotContain(P1, id);
        Assert.Equal(16, id.Length);
        // Whoever knows the object id can form the answer key, but without the secret not the id.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16], id);
        Assert.NotEqual(id, new Leitbild.Teams.Core.Results.CommentIds(Enumerable.Repeat((byte)7, 32).ToArray()).Of(key));
    }

    [Fact]
    public void LiveResultsAreVisibleAtOnceAfterCloseOnlyOnceClosedAndOrganizersOnlyNever()
    {
        var poll = Poll();
        Assert.True(PollVisibility.RespondentsSeeResults(poll, Now));
        var afterClose = poll with { Settings = poll.Settings with { Visibility = ResultsVisibility.AfterClose } };
        Assert.False(PollVisibility.RespondentsSeeResults(afterClose, Now));
        Assert.True(PollVisibility.RespondentsSeeResults(afterClose with { Status = PollStatus.Closed }, Now));
        Assert.True(PollVisibility.RespondentsSeeResults(afterClose, afterClose.Settings.Deadline!.Value));
        var organizersOnly = poll with { Status = PollStatus.Closed, Settings = poll.Settings with { Visibility = ResultsVisibility.OrganizersOnly } };
        Assert.False(PollVisibility.RespondentsSeeResults(organizersOnly, Now));
    }
}
