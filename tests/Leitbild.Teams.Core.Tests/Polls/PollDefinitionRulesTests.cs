using Leitbild.Teams.Core.Polls;
using static Leitbild.Teams.Core.Tests.Polls.SamplePolls;

namespace Leitbild.Teams.Core.Tests.Polls;

public class PollDefinitionRulesTests
{
    private static IReadOnlyList<PollProblem> Check(Poll poll) => PollDefinitionRules.Check(poll, Template.Process, Template.Goals);

    [Fact]
    public void APollWithEveryQuestionKindIsValid() => Assert.Empty(Check(Poll()));

    [Theory]
    [InlineData("\u200B\u200D ", "title.de")]
    [InlineData("Klima\u0007", "title.de")]
    [InlineData("Klima\uFFFE", "title.de")]
    public void InvisibleOrControlCharacterTitlesAreRefused(string title, string field) =>
        Assert.Contains(Check(Poll() with { Title = new(title, "Climate") }), p => p.Field == field);

    [Fact]
    public void ATitleWithUmlautsAndALineBreakIsFine() =>
        Assert.Empty(Check(Poll() with { Title = new("Klimaschutz für Bergkamen –\nwas zählt?", "Climate") }));

    [Fact]
    public void AnEntraGroupAudienceNeedsTheGroupsObjectId()
    {
        Assert.Contains(Check(Poll() with { Audience = new PollAudience { Kind = AudienceKind.EntraGroup, GroupId = "Lenkungskreis" } }), p => p.Field == "audience.groupId");
        Assert.Empty(Check(Poll() with { Audience = PollAudience.EntraGroup("aaaaaaaa-0000-0000-0000-000000000001", ["p-1"]) }));
    }

    [Fact]
    public void MoreThanTenQuestionsAreRefused()
    {
        var poll = Poll([.. Enumerable.Range(1, 11).Select(i => Rating($"q{i}"))]);
        Assert.Contains(Check(poll), p => p.Field == "questions");
    }

    [Fact]
    public void UnknownGoalIsRefused()
    {
        var problem = Assert.Single(Check(Poll(Rating("q1", "klima-1", "mond-1"))));
        Assert.Equal("questions[0].goalIds", problem.Field);
        Assert.Contains("mond-1", problem.English);
    }

    [Fact]
    public void UnknownPhaseIsRefused() =>
        Assert.Contains(Check(Poll() with { PhaseId = "workshop-9" }), p => p.Field == "phaseId");

    [Fact]
    public void DuplicateQuestionIdsAreRefused() =>
        Assert.Contains(Check(Poll(Rating("q1"), FreeText("q1"))), p => p.Field == "questions[1].id");

    [Fact]
    public void ChoiceQuestionNeedsTwoOptions()
    {
        var question = SingleChoice() with { Options = [new("a", new("Ja", "Yes"))] };
        Assert.Contains(Check(Poll(question)), p => p.Field == "questions[0].options");
    }

    [Fact]
    public void MaxChoicesCannotExceedTheOptions() =>
        Assert.Contains(Check(Poll(MultipleChoice(max: 4))), p => p.Field == "questions[0].maxChoices");

    [Fact]
    public void RankingCannotAskForMoreThanItLists()
    {
        var question = Ranking() with { GoalIds = ["klima-1", "wohnen-1"] };
        Assert.Contains(Check(Poll(question)), p => p.Field == "questions[0].rankCount");
    }

    [Fact]
    public void FreeTextIsAboutExactlyOneGoal()
    {
        var question = FreeText() with { GoalIds = ["klima-1", "klima-2"] };
        Assert.Contains(Check(Poll(question)), p => p.Field == "questions[0].goalIds");
    }

    [Fact]
    public void PeopleAudienceNeedsPeople() =>
        Assert.Contains(Check(Poll() with { Audience = PollAudience.People() }), p => p.Field == "audience.personIds");

    [Fact]
    public void PollIdCannotCarryTheKeySeparator() =>
        Assert.Contains(Check(Poll() with { Id = "poll:1" }), p => p.Field == "id");

    [Fact]
    public void ThrowIfInvalidListsEveryProblem()
    {
        var error = Assert.Throws<PollDefinitionException>(() =>
            PollDefinitionRules.ThrowIfInvalid(Poll() with { PhaseId = "x", Title = new("", "") }, Template.Process, Template.Goals));
        Assert.Equal(2, error.Problems.Count);
    }
}
