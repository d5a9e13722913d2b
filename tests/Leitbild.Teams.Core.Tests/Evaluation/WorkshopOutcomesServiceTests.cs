using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Leitbild.Teams.Core.Tests.Evaluation.EvaluationSamples;

namespace Leitbild.Teams.Core.Tests.Evaluation;

public sealed class WorkshopOutcomesServiceTests
{
    private readonly InMemorySeededProcessStore _seeded = new(Sample, Goals);
    private readonly InMemoryGoalHistoryStore _history = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 14, 16, 0, 0, TimeSpan.Zero));

    private WorkshopOutcomesService Service => new(_seeded, _history, _time);

    private static Actor Organizer(bool guest = false) => new() { PersonId = "o", Roles = new HashSet<Role> { Role.Staff, Role.Organizer }, IsGuest = guest };

    private static GoalOutcome Reworded => new()
    {
        GoalId = "klima-1", Kind = GoalOutcomeKind.Reworded, PhaseId = "w1", Priority = GoalPriority.High, NewText = new("Klimaneutral bis 2040", "Climate-neutral by 2040"),
    };

    [Fact]
    public async Task ARecordedOutcomeChangesTheCurrentCatalogueAndLeavesTheSeedAsItWas()
    {
        var change = await Service.RecordAsync(Reworded, Organizer(), CancellationToken.None);

        Assert.Equal(_time.GetUtcNow(), change.RecordedAt);
        var current = await new CurrentGoalsProcessStore(_seeded, _history).GetGoalsAsync(Sample.Id, CancellationToken.None);
        Assert.Equal("Klimaneutral bis 2040", current!.FindGoal("klima-1")!.Text.De);
        Assert.Equal("Klimaneutral", (await _seeded.GetGoalsAsync(Sample.Id, CancellationToken.None))!.FindGoal("klima-1")!.Text.De);
        Assert.Equal("o", Assert.Single(await _history.ListWithOriginAsync(Sample.Id, CancellationToken.None)).RecordedBy);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task OnlyThePlanningTeamRecordsGuestOrganizersAndReviewersAreRefused(bool organizer, bool guest)
    {
        var actor = organizer ? Organizer(guest) : new Actor { PersonId = "r", Roles = new HashSet<Role> { Role.Staff, Role.Reviewer } };

        var refused = await Assert.ThrowsAsync<ProblemException>(() => Service.RecordAsync(Reworded, actor, CancellationToken.None));

        Assert.Equal(ProblemKind.Forbidden, refused.Kind);
        Assert.Equal("outcomes.notAllowed", Assert.Single(refused.Problems).TextKey);
        Assert.Empty(await _history.ListAsync(Sample.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AnOutcomeWithProblemsIsRefusedWithEveryProblemAndNothingIsStored()
    {
        var refused = await Assert.ThrowsAsync<ProblemException>(() =>
            Service.RecordAsync(Reworded with { PhaseId = "interviews", NewText = new("", "x") }, Organizer(), CancellationToken.None));

        Assert.Equal(ProblemKind.Invalid, refused.Kind);
        Assert.Equal(["newText.de", "phaseId"], refused.Problems.Select(p => p.Field).Order());
        Assert.Empty(await _history.ListAsync(Sample.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AWorkshopPageShowsWhereEachGoalStoodBeforeAndWhatWasDecided()
    {
        await Service.RecordAsync(Reworded, Organizer(), CancellationToken.None);
        await Service.RecordAsync(new GoalOutcome { GoalId = "klima-1", Kind = GoalOutcomeKind.Confirmed, PhaseId = "w2", Priority = GoalPriority.Low }, Organizer(), CancellationToken.None);

        var second = await Service.GetAsync("w2", CancellationToken.None);

        var row = second.Goals.Single(g => g.GoalId == "klima-1");
        Assert.Equal("Klimaneutral bis 2040", row.Before.Text.De);
        Assert.Equal(GoalOutcomeKind.Confirmed, row.Decision!.Kind);
        Assert.Equal([1, 1], (await Service.ListWorkshopsAsync(CancellationToken.None)).Select(w => w.Decisions));
        Assert.Equal(ProblemKind.NotFound, (await Assert.ThrowsAsync<ProblemException>(() => Service.GetAsync("interviews", CancellationToken.None))).Kind);
    }
}
