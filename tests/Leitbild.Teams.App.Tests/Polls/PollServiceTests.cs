using Leitbild.Teams.App.Polls;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Polls;

/// <summary>The poll life cycle on the real SQLite stores and outbox of a local-mode app.</summary>
public class PollServiceTests : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    private readonly LocalAppFactory _factory = new();
    private PollService _service = null!;
    private Organisation _organisation = null!;

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        _service = _factory.Services.GetRequiredService<PollService>();
        _organisation = await _factory.Services.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Person Organizer => _organisation.People.First(p => p.Has(Role.Organizer) && !p.IsGuest);

    private Person Staff(int i) => _organisation.People.Where(p => !p.IsGuest).ElementAt(10 + i);

    private static PollDraft Draft(bool anonymous = false, PollAudience? audience = null) => new()
    {
        PhaseId = "workshop-1",
        Title = new("Zieldiskussion Klima und Wohnen", "Goal discussion climate and housing"),
        Questions =
        [
            new Question
            {
                Id = "q1", Kind = QuestionKind.GoalRating, Prompt = new("Wie wichtig ist Ihnen dieses Ziel?", "How important is this goal to you?"),
                GoalIds = ["klima-1", "wohnen-1", "mobilitaet-1"],
            },
            new Question
            {
                Id = "q2", Kind = QuestionKind.FreeText, Prompt = new("Was fehlt?", "What is missing?"), GoalIds = ["klima-2"], MaxLength = 200,
            },
        ],
        Settings = new PollSettings { Anonymous = anonymous, Visibility = ResultsVisibility.Live },
        Audience = audience ?? PollAudience.AllInstalled,
    };

    private async Task<Poll> OpenPollAsync(bool anonymous = false, PollAudience? audience = null)
    {
        var poll = await _service.CreateAsync(Draft(anonymous, audience), Organizer.Id, CancellationToken.None);
        Assert.True(await _service.OpenAsync(poll.Id, CancellationToken.None));
        return poll;
    }

    private Task<AnswerOutcome> AnswerAsync(Poll poll, Person person, Dictionary<string, string?> inputs, string[]? page = null) =>
        _service.AnswerAsync(poll.Id, page ?? ["q1", "q2"], inputs, person.Id, Tenant, null, AnswerChannel.Chat, CancellationToken.None);

    /// <summary>Staff(first) … Staff(first + count − 1) give the same answers: enough people for results to be shown.</summary>
    private async Task OthersAnswerAsync(Poll poll, int first, int count, Dictionary<string, string?> inputs)
    {
        for (var i = first; i < first + count; i++)
        {
            Assert.True((await AnswerAsync(poll, Staff(i), inputs)).Accepted);
        }
    }

    [Fact]
    public async Task TwoPeopleAnswerOneChangesAndTheTallyCountsTheLatestAnswers()
    {
        var poll = await OpenPollAsync();
        Assert.True((await AnswerAsync(poll, Staff(0), new() { ["q1.klima-1"] = "5", ["q1.wohnen-1"] = "3" })).Accepted);
        Assert.True((await AnswerAsync(poll, Staff(1), new() { ["q1.klima-1"] = "2", ["q1.wohnen-1"] = "na" })).Accepted);
        var changed = await AnswerAsync(poll, Staff(1), new() { ["q1.klima-1"] = "4" });
        Assert.True(changed.Accepted);
        Assert.Equal(4, changed.MyAnswers.Single(a => a.GoalId == "klima-1").Value.Rating);
        Assert.Equal(AnswerKind.NoAnswer, changed.MyAnswers.Single(a => a.GoalId == "wohnen-1").Value.Kind);
        await OthersAnswerAsync(poll, 2, 3, new() { ["q1.klima-1"] = "3", ["q1.wohnen-1"] = "3" });

        var results = (await _service.ResultsAsync(poll.Id, includeHiddenComments: false, CancellationToken.None))!;
        Assert.Equal(5, results.RespondentCount);
        var klima = results.Questions[0].Goals.Single(g => g.GoalId == "klima-1");
        Assert.Equal([0, 0, 3, 1, 1], klima.Distribution);
        Assert.Equal(3.6, klima.MeanRating);
        Assert.Equal(1, results.Questions[0].Goals.Single(g => g.GoalId == "wohnen-1").NoAnswerCount);
    }

    [Fact]
    public async Task EveryAcceptedAnswerReachesTheResultsStoreThroughTheOutbox()
    {
        var poll = await OpenPollAsync();
        await AnswerAsync(poll, Staff(0), new() { ["q1.klima-1"] = "5", ["q1.wohnen-1"] = "3", ["q2"] = "Mehr Bäume" });
        var store = _factory.Services.GetRequiredService<IResultsStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IReadOnlyList<Answer> stored = [];
        while (stored.Count < 3 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50);
            stored = (await store.ReadAnswersAsync(new AnswerQuery { PollId = poll.Id }, CancellationToken.None)).Answers;
        }
        Assert.Equal(["klima-1", "klima-2", "wohnen-1"], stored.Select(a => a.GoalId).Order());
        Assert.Equal(0, (await _factory.Services.GetRequiredService<IResultsOutbox>().CountAsync(CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task ARetriedInvokeChangesNothing()
    {
        var poll = await OpenPollAsync();
        var inputs = new Dictionary<string, string?> { ["q1.klima-1"] = "5" };
        await AnswerAsync(poll, Staff(0), inputs);
        var outbox = _factory.Services.GetRequiredService<IResultsOutbox>();
        var answer = (await _service.MyAnswersAsync(poll, Staff(0).Id, Tenant, CancellationToken.None)).Single();
        Assert.Equal(OutboxEnqueueResult.Unchanged, await outbox.EnqueueManyAsync([answer], CancellationToken.None));
    }

    [Fact]
    public async Task AnonymousAnswersCarryNoPersonIdAndParticipationHoldsNoAnswer()
    {
        var poll = await OpenPollAsync(anonymous: true);
        var person = Staff(2);
        var outcome = await AnswerAsync(poll, person, new() { ["q1.klima-1"] = "1" });
        var answer = Assert.Single(outcome.MyAnswers);
        Assert.StartsWith(RespondentKeys.AnonymousPrefix, answer.RespondentKey);
        Assert.DoesNotContain(person.Id, answer.RespondentKey, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Id, answer.Key, StringComparison.OrdinalIgnoreCase);

        var pending = await _service.NotYetAnsweredAsync(poll.Id, [person.Id, Staff(3).Id], CancellationToken.None);
        Assert.Equal([Staff(3).Id], pending);

        // The same person changing their anonymous answer replaces it instead of adding one.
        await AnswerAsync(poll, person, new() { ["q1.klima-1"] = "2" });
        await OthersAnswerAsync(poll, 4, 4, new() { ["q1.klima-1"] = "4" });
        var results = (await _service.ResultsAsync(poll.Id, false, CancellationToken.None))!;
        Assert.Equal(5, results.Questions[0].Goals.Single(g => g.GoalId == "klima-1").RatingCount);
    }

    [Fact]
    public async Task SomeoneOutsideTheAudienceCannotAnswer()
    {
        var poll = await OpenPollAsync(audience: PollAudience.Department("sta-20"));
        var outsider = _organisation.People.First(p => p.OfficeId == "sta-61");
        var outcome = await AnswerAsync(poll, outsider, new() { ["q1.klima-1"] = "5" });
        Assert.False(outcome.Accepted);
        Assert.Equal("This poll is not addressed to you.", Assert.Single(outcome.Problems).English);
        Assert.DoesNotContain((await _service.ResultsAsync(poll.Id, false, CancellationToken.None))!.Questions[0].Goals, g => g.AnswerCount > 0);
    }

    [Fact]
    public async Task AClosedPollRefusesAnswersAndStoresNothing()
    {
        var poll = await OpenPollAsync();
        Assert.True(await _service.CloseAsync(poll.Id, CancellationToken.None));
        Assert.False(await _service.CloseAsync(poll.Id, CancellationToken.None));
        var outcome = await AnswerAsync(poll, Staff(0), new() { ["q1.klima-1"] = "5" });
        Assert.False(outcome.Accepted);
        Assert.Empty(await _service.MyAnswersAsync(poll, Staff(0).Id, Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task APollWithAPastDeadlineIsRefusedAtCreation()
    {
        var draft = Draft() with { Settings = new PollSettings { Deadline = DateTimeOffset.UnixEpoch } };
        var error = await Assert.ThrowsAsync<PollDefinitionException>(() => _service.CreateAsync(draft, Organizer.Id, CancellationToken.None));
        Assert.Contains(error.Problems, p => p.Field == "settings.deadline");
    }

    [Fact]
    public async Task AnOrganizerHidesACommentWithAReason()
    {
        var poll = await OpenPollAsync();
        await AnswerAsync(poll, Staff(0), new() { ["q2"] = "Unsachlicher Kommentar" });
        await AnswerAsync(poll, Staff(1), new() { ["q2"] = "Mehr Radwege" });
        await OthersAnswerAsync(poll, 2, 3, new() { ["q2"] = "Mehr Busse" });
        var comments = (await _service.ResultsAsync(poll.Id, true, CancellationToken.None))!.Questions[1].Comments;
        var target = comments.Single(c => c.Text.StartsWith("Unsachlich", StringComparison.Ordinal));

        await Assert.ThrowsAsync<PollDefinitionException>(() => _service.ModerateCommentAsync(poll.Id, target.Id, true, " ", Organizer.Id, CancellationToken.None));
        Assert.False(await _service.ModerateCommentAsync(poll.Id, "0000000000000000", true, "x", Organizer.Id, CancellationToken.None));
        Assert.True(await _service.ModerateCommentAsync(poll.Id, target.Id, true, "beleidigend", Organizer.Id, CancellationToken.None));

        var forReviewers = (await _service.ResultsAsync(poll.Id, false, CancellationToken.None))!.Questions[1].Comments;
        Assert.Equal(["Mehr Busse", "Mehr Busse", "Mehr Busse", "Mehr Radwege"], forReviewers.Select(c => c.Text).Order(StringComparer.Ordinal));
        var forOrganizers = (await _service.ResultsAsync(poll.Id, true, CancellationToken.None))!.Questions[1].Comments;
        Assert.Equal("beleidigend", forOrganizers.Single(c => c.Hidden).HiddenReason);
    }

    private async Task<IReadOnlyList<Answer>> StoredAsync(Poll poll, Func<IReadOnlyList<Answer>, bool> done)
    {
        var store = _factory.Services.GetRequiredService<IResultsStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IReadOnlyList<Answer> stored = [];
        while (!timeout.IsCancellationRequested)
        {
            stored = (await store.ReadAnswersAsync(new AnswerQuery { PollId = poll.Id }, CancellationToken.None)).Answers;
            if (done(stored))
            {
                break;
            }
            await Task.Delay(50);
        }
        return stored;
    }

    [Fact]
    public async Task AChangedRankingReplacesTheOldRanksInTheAppAndInTheResultsStore()
    {
        var draft = Draft() with
        {
            Questions = [new Question { Id = "q1", Kind = QuestionKind.Ranking, Prompt = new("Was ist am wichtigsten?", "What matters most?"),
                GoalIds = ["klima-1", "wohnen-1", "mobilitaet-1"], RankCount = 2 }],
        };
        var poll = await _service.CreateAsync(draft, Organizer.Id, CancellationToken.None);
        Assert.True(await _service.OpenAsync(poll.Id, CancellationToken.None));
        var person = Staff(0);
        Assert.True((await AnswerAsync(poll, person, new() { ["q1.rank1"] = "klima-1", ["q1.rank2"] = "wohnen-1" }, ["q1"])).Accepted);
        await StoredAsync(poll, s => s.Count == 2);

        var changed = await AnswerAsync(poll, person, new() { ["q1.rank1"] = "mobilitaet-1", ["q1.rank2"] = "klima-1" }, ["q1"]);

        Assert.True(changed.Accepted);
        Assert.Equal([("klima-1", 2), ("mobilitaet-1", 1)], changed.MyAnswers.Select(a => (a.GoalId, a.Value.Rank!.Value)).Order());
        var stored = await StoredAsync(poll, s => s.Any(a => a.GoalId == "mobilitaet-1") && s.Single(a => a.GoalId == "wohnen-1").Value.IsWithdrawn);
        var ranks = stored.Where(a => !a.Value.IsWithdrawn).Select(a => a.Value.Rank).Order().ToList();
        Assert.Equal([1, 2], ranks);
        Assert.True(stored.Single(a => a.GoalId == "wohnen-1").Value.IsWithdrawn);
    }

    [Fact]
    public async Task ARespondentWithdrawsTheirCommentByEmptyingTheField()
    {
        var poll = await OpenPollAsync();
        var person = Staff(0);
        Assert.True((await AnswerAsync(poll, person, new() { ["q2"] = "Herr X bremst alles" }, ["q2"])).Accepted);
        await OthersAnswerAsync(poll, 1, 4, new() { ["q2"] = "Sachlich" });

        var withdrawn = await AnswerAsync(poll, person, new() { ["q2"] = "" }, ["q2"]);

        Assert.True(withdrawn.Accepted);
        Assert.Empty(withdrawn.MyAnswers);
        var results = (await _service.ResultsAsync(poll.Id, includeHiddenComments: true, CancellationToken.None))!;
        Assert.Equal(4, results.Questions[1].Comments.Count);
        Assert.DoesNotContain(results.Questions[1].Comments, c => c.Text.Contains("Herr X", StringComparison.Ordinal));
        var stored = await StoredAsync(poll, s => s.Count == 5 && s.Count(a => a.Value.IsWithdrawn) == 1);
        Assert.DoesNotContain(stored, a => a.Value.Text?.Contains("Herr X", StringComparison.Ordinal) == true);
    }
}
