using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Tests.Results;

/// <summary>
/// What every results store promises, whichever system holds the answers. Run against the SQLite store and the
/// SharePoint store (Microsoft.Graph SDK against the Graph simulator).
/// </summary>
public abstract class ResultsStoreContract : IAsyncLifetime
{
    protected IResultsStore Store { get; private set; } = null!;

    protected abstract Task<IResultsStore> CreateStoreAsync();

    protected abstract Task DisposeStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => DisposeStoreAsync();

    private async Task<List<Answer>> ReadAllAsync(AnswerQuery query)
    {
        var all = new List<Answer>();
        string? token = null;
        do
        {
            var page = await Store.ReadAnswersAsync(query with { ContinuationToken = token }, CancellationToken.None);
            all.AddRange(page.Answers);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    [Fact]
    public async Task AnAnswerReadsBackAsItWasWrittenInWholeSeconds()
    {
        var answer = Samples.Rating(1);

        var result = await Store.UpsertAsync(answer, CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Stored, result.Status);
        var read = Assert.Single(await ReadAllAsync(new AnswerQuery { PollId = "poll-1" }));
        Assert.Equal(answer.Normalized(), read);
        Assert.Equal(0, read.AnsweredAt.Millisecond);
    }

    [Fact]
    public async Task AnswersOfEveryKindSurviveTheRoundTrip()
    {
        Answer[] answers =
        [
            Samples.Rating(1) with { Value = AnswerValue.None, DepartmentId = null },
            Samples.Rating(2) with { Value = AnswerValue.OfChoices("Radwege", "Busse & Bahnen") },
            Samples.Rating(3) with { Value = AnswerValue.OfRank(2), Channel = AnswerChannel.Workshop },
            Samples.Rating(4) with { Value = AnswerValue.OfText("Mehr Grün an der Schule; \"bitte\"\nauch im Süden."), Channel = AnswerChannel.Interview },
            Samples.Rating(5) with { RespondentKey = RespondentKeys.ForAnonymousPoll(new byte[32], "tenant", "person", "poll-1") },
        ];

        await Store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, MayExist: false)).ToList(), CancellationToken.None);

        var read = await ReadAllAsync(new AnswerQuery { PollId = "poll-1" });
        Assert.Equal(answers.Select(a => a.Normalized()).OrderBy(a => a.Key), read.OrderBy(a => a.Key));
    }

    [Fact]
    public async Task WritingTheSameAnswerTwiceKeepsOneAnswer()
    {
        await Store.UpsertAsync(Samples.Rating(1), CancellationToken.None);
        await Store.UpsertManyAsync([new AnswerWrite(Samples.Rating(1), MayExist: true)], CancellationToken.None);

        Assert.Single(await ReadAllAsync(new AnswerQuery { PollId = "poll-1" }));
    }

    [Fact]
    public async Task AChangedAnswerReplacesTheEarlierOne()
    {
        await Store.UpsertAsync(Samples.Rating(1, rating: 1), CancellationToken.None);

        await Store.UpsertAsync(Samples.Rating(1, rating: 5) with { Value = AnswerValue.OfText("doch anders") }, CancellationToken.None);

        var read = Assert.Single(await ReadAllAsync(new AnswerQuery { GoalId = "klima-1" }));
        Assert.Equal(AnswerValue.OfText("doch anders"), read.Value);
    }

    [Fact]
    public async Task AnswersAreReadByPollByGoalAndByDepartment()
    {
        Answer[] answers =
        [
            Samples.Rating(1, goal: "klima-1", poll: "poll-1", department: "sta-61"),
            Samples.Rating(2, goal: "klima-2", poll: "poll-1", department: "amt-10"),
            Samples.Rating(3, goal: "klima-1", poll: "poll-2", department: "sta-61"),
        ];
        await Store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        Assert.Equal(2, (await ReadAllAsync(new AnswerQuery { PollId = "poll-1" })).Count);
        Assert.Equal(2, (await ReadAllAsync(new AnswerQuery { GoalId = "klima-1" })).Count);
        Assert.Equal(2, (await ReadAllAsync(new AnswerQuery { DepartmentId = "sta-61" })).Count);
        Assert.Single(await ReadAllAsync(new AnswerQuery { PollId = "poll-1", DepartmentId = "sta-61" }));
    }

    [Fact]
    public async Task PagesTogetherHoldEveryAnswerOnce()
    {
        var answers = Enumerable.Range(1, 27).Select(n => Samples.Rating(n)).ToList();
        await Store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        var first = await Store.ReadAnswersAsync(new AnswerQuery { PollId = "poll-1", PageSize = 10 }, CancellationToken.None);
        var all = await ReadAllAsync(new AnswerQuery { PollId = "poll-1", PageSize = 10 });

        Assert.True(first.Answers.Count <= 10);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(answers.Select(a => a.Key).Order(), all.Select(a => a.Key).Order());
    }

    [Fact]
    public async Task TheGoalSummaryCountsAveragesAndShowsOnlyDepartmentsWithFivePeople()
    {
        var answers = Enumerable.Range(1, 5).Select(n => Samples.Rating(n, rating: 5, department: "sta-61"))
            .Concat(Enumerable.Range(6, 5).Select(n => Samples.Rating(n, rating: 3, department: "amt-20")))
            .Concat(Enumerable.Range(11, 5).Select(n => Samples.Rating(n, rating: 1, department: "amt-30")))
            .Append(Samples.Rating(16, department: "amt-40") with { Value = AnswerValue.OfText("Gute Idee") })
            .Concat(Enumerable.Range(17, 5).Select(n => Samples.Rating(n, department: "amt-50") with { Value = AnswerValue.None }))
            .ToList();
        await Store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        var summary = await Store.ReadGoalSummaryAsync("klima-1", CancellationToken.None);

        Assert.Equal(21, summary.AnswerCount);
        Assert.Equal(21, summary.RespondentCount);
        Assert.Equal(15, summary.RatingCount);
        Assert.Equal(5, summary.NoAnswerCount);
        Assert.Equal(3.0, summary.MeanRating);
        Assert.Equal([5, 0, 5, 0, 5], summary.Distribution);
        Assert.Equal(["Gute Idee"], summary.Comments);
        // amt-40 (one person) is left out, and so is the next smallest, so that it cannot be worked out by subtraction.
        Assert.Equal(3, summary.Departments.Count);
        Assert.DoesNotContain(summary.Departments, d => d.DepartmentId == "amt-40");
        Assert.True(summary.DepartmentsWithheld);
    }

    [Fact]
    public async Task RefreshingSummariesAfterWritesSucceeds()
    {
        await Store.UpsertAsync(Samples.Rating(1), CancellationToken.None);

        await Store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);

        Assert.Equal(1, (await Store.ReadGoalSummaryAsync("klima-1", CancellationToken.None)).RespondentCount);
    }

    /// <summary>Answers of every kind, over three goals, seven offices and some without office, some changed after being written.</summary>
    internal static List<Answer> VariedAnswers()
    {
        var answers = new List<Answer>();
        for (var person = 1; person <= 90; person++)
        {
            var department = person % 8 == 0 ? null : $"amt-{person % 7}";
            var goal = person % 3 == 0 ? "wohnen-1" : "klima-1";
            answers.Add(Samples.Rating(person, rating: 1 + (person % 5), goal: goal, department: department));
            answers.Add(Samples.Rating(person, goal: goal, department: department) with
            {
                QuestionId = "comment-" + goal,
                Value = person % 4 == 0 ? AnswerValue.OfText(person % 8 == 0 ? "   " : $"  Hinweis {person}: mehr Grün ") : AnswerValue.None,
                AnsweredAt = Samples.Now.AddMinutes(100 - person),
            });
            if (person % 5 == 0)
            {
                answers.Add(Samples.Rating(person, goal: goal, department: department) with { QuestionId = "choice", Value = AnswerValue.OfChoices("Radwege", person % 2 == 0 ? "Busse" : "Radwege") });
                answers.Add(Samples.Rating(person, goal: goal, department: department) with { QuestionId = "rank", Value = AnswerValue.OfRank(1 + person % 3) });
            }
        }
        return answers;
    }

    [Fact]
    public async Task ManyGoalsAtOnceGiveExactlyWhatTheRuleComputesFromTheAnswers()
    {
        var answers = VariedAnswers();
        await Store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);
        // A changed answer replaces the earlier one in every count.
        var changed = answers[0] with { Value = AnswerValue.OfRating(5) };
        await Store.UpsertAsync(changed, CancellationToken.None);
        answers[0] = changed;
        string[] goals = ["wohnen-1", "klima-1", "mobilitaet-3"];

        var summaries = await Store.ReadGoalSummariesAsync(goals, CancellationToken.None);

        Assert.Equal(goals, summaries.Select(s => s.GoalId));
        var stored = answers.Select(a => a.Normalized()).ToList();
        foreach (var summary in summaries)
        {
            Assert.Equal(Json(GoalSummaryCalculator.Compute(summary.GoalId, stored, SummaryRules.Standard)), Json(summary));
            Assert.Equal(Json(summary), Json(await Store.ReadGoalSummaryAsync(summary.GoalId, CancellationToken.None)));
        }
        Assert.Equal(0, summaries[2].AnswerCount);
        Assert.True(summaries[1].Departments.Count > 0);
        Assert.NotEmpty(summaries[1].ChoiceCounts);
        Assert.NotNull(summaries[1].MeanRank);
    }

    [Fact]
    public async Task DeletingOnePersonsNamedAnswersLeavesOthersAndAnonymousOnesAndASecondRunDeletesNothing()
    {
        Answer[] answers =
        [
            Samples.Rating(1),
            Samples.Rating(1, goal: "klima-2"),
            Samples.Rating(2),
            Samples.Rating(3) with { RespondentKey = RespondentKeys.ForAnonymousPoll(new byte[32], "tenant", Samples.Person(1), "poll-1") },
        ];
        await Store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, MayExist: false)).ToList(), CancellationToken.None);

        var deleted = await Store.DeleteNamedAnswersAsync(Samples.Person(1).ToUpperInvariant(), CancellationToken.None);
        var again = await Store.DeleteNamedAnswersAsync(Samples.Person(1), CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(0, again);
        var left = await ReadAllAsync(new AnswerQuery { PollId = "poll-1" });
        Assert.Equal(new[] { answers[2].Key, answers[3].Key }.Order(StringComparer.Ordinal), left.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await Store.ReadGoalSummaryAsync("klima-1", CancellationToken.None)).RespondentCount);
    }

    [Fact]
    public async Task DeletingEveryNamedAnswerKeepsTheAnonymousOnes()
    {
        var anonymous = Samples.Rating(3) with { RespondentKey = RespondentKeys.ForAnonymousPoll(new byte[32], "tenant", "person", "poll-1") };
        await Store.UpsertManyAsync([new AnswerWrite(Samples.Rating(1), false), new AnswerWrite(Samples.Rating(2), false), new AnswerWrite(anonymous, false)], CancellationToken.None);

        var deleted = await Store.DeleteNamedAnswersAsync(null, CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(anonymous.Key, Assert.Single(await ReadAllAsync(new AnswerQuery { PollId = "poll-1" })).Key);
        Assert.Equal(0, await Store.DeleteNamedAnswersAsync(null, CancellationToken.None));
    }

    private static string Json(GoalSummary summary) => System.Text.Json.JsonSerializer.Serialize(summary);
}
