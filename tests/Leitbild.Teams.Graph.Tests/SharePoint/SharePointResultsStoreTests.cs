using System.Text.Json.Nodes;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.Graph.Tests.Fakes;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

public sealed class SharePointResultsStoreTests
{
    [Fact]
    public async Task NewAnswersAreCreatedInBatchesOfTwentyWithoutReadingFirst()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        var writes = Enumerable.Range(1, 45).Select(n => new AnswerWrite(Samples.Rating(n), MayExist: false)).ToList();
        await store.UpsertManyAsync(writes.Take(1).ToList(), CancellationToken.None);
        sandbox.Host.Requests.Clear();

        var results = await store.UpsertManyAsync(writes.Skip(1).ToList(), CancellationToken.None);

        Assert.All(results, r => Assert.Equal(AnswerWriteStatus.Stored, r.Status));
        Assert.Equal(45, sandbox.AnswerItems.Count);
        Assert.Equal(3, sandbox.Host.Requests.Count);
        Assert.Equal(3, sandbox.BatchRequests);
    }

    [Fact]
    public async Task TheSameAnswerWrittenTwiceLeavesOneItem()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var answer = Samples.Rating(1);

        await sandbox.Store().UpsertAsync(answer, CancellationToken.None);
        var again = await sandbox.Store().UpsertAsync(answer, CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Stored, again.Status);
        var item = Assert.Single(sandbox.AnswerItems);
        Assert.Equal(1, item.Version);
        Assert.Equal(answer.Key, item.Text("AnswerKey"));
    }

    [Fact]
    public async Task AChangedAnswerReplacesTheItemInPlace()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        await store.UpsertAsync(Samples.Rating(1, rating: 2), CancellationToken.None);

        await store.UpsertAsync(Samples.Rating(1, rating: 5), CancellationToken.None);

        var item = Assert.Single(sandbox.AnswerItems);
        Assert.Equal(2, item.Version);
        Assert.Equal(5, (double)item.Fields["Rating"]!);
    }

    [Fact]
    public async Task AnItemSomeoneElseChangedIsReadAgainAndThenUpdated()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        await store.UpsertAsync(Samples.Rating(1, rating: 2), CancellationToken.None);
        // A department head edits the row in the browser: our cached eTag is now stale, so If-Match gets 412.
        sandbox.Lists.EditItem(ResultsLists.AnswersTitle, 1, "Phase", JsonValue.Create("von Hand"));

        var result = await store.UpsertAsync(Samples.Rating(1, rating: 3), CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Stored, result.Status);
        var item = Assert.Single(sandbox.AnswerItems);
        Assert.Equal(3, (double)item.Fields["Rating"]!);
        Assert.Equal("umfrage-1", item.Text("Phase"));
        Assert.Equal(3, item.Version);
    }

    [Fact]
    public async Task AnAnswerAnEarlierAttemptStoredIsFoundByItsKeyAndNotCreatedAgain()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        await sandbox.Store().UpsertManyAsync([new AnswerWrite(Samples.Rating(1), MayExist: false)], CancellationToken.None);

        // A new process (empty cache) retries the same answer after a crash.
        var result = await sandbox.Store().UpsertManyAsync([new AnswerWrite(Samples.Rating(1), MayExist: true)], CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Stored, result[0].Status);
        Assert.Single(sandbox.AnswerItems);
    }

    [Fact]
    public async Task StepsThrottledInsideASuccessfulBatchAreRepeatedUntilStored()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        sandbox.Host.Faults.PathFilter = "/items";
        sandbox.Host.Faults.RandomFaults = [GraphSimulator.FaultKind.TooManyRequests];
        sandbox.Host.Faults.FailureRate = 0.4;

        var results = await sandbox.Store().UpsertManyAsync(
            Enumerable.Range(1, 40).Select(n => new AnswerWrite(Samples.Rating(n), MayExist: false)).ToList(), CancellationToken.None);

        Assert.True(sandbox.Host.Faults.InjectedCount > 0);
        var stored = results.Count(r => r.Status == AnswerWriteStatus.Stored);
        Assert.All(results, r => Assert.NotEqual(AnswerWriteStatus.Rejected, r.Status));
        Assert.Equal(stored, sandbox.AnswerItems.Count);
        Assert.Equal(sandbox.AnswerItems.Count, sandbox.AnswerItems.Select(i => i.Text("AnswerKey")).Distinct().Count());
        Assert.True(stored >= 35, $"only {stored} of 40 stored: " + string.Join("; ", results.Where(r => r.Status != AnswerWriteStatus.Stored).Select(r => r.Reason).Distinct()));
    }

    [Fact]
    public async Task AnAnswerSharePointRefusesIsRejectedWithTheReason()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        sandbox.Lists.RemoveColumn(ResultsLists.AnswersTitle, "Rating");

        var result = await sandbox.Store().UpsertAsync(Samples.Rating(1), CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Rejected, result.Status);
        Assert.Contains("Field 'Rating' is not recognized", result.Reason, StringComparison.Ordinal);
        Assert.Empty(sandbox.AnswerItems);
    }

    [Fact]
    public async Task EveryRequestNamesTheOrganisationInTheUserAgent()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();

        await sandbox.Store().UpsertAsync(Samples.Rating(1), CancellationToken.None);

        Assert.NotEmpty(sandbox.Host.Requests.All);
        Assert.All(sandbox.Host.Requests.All, r => Assert.Equal("NONISV|Stadt Bergkamen|Leitbild.Teams/0.1.0", r.UserAgent));
        Assert.All(sandbox.Host.Requests.All, r => Assert.Equal("Bearer simulator-token", r.Authorization));
    }

    [Fact]
    public async Task LookupsByTheIndexedKeyDoNotAskForNonIndexedQueries()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        await store.UpsertAsync(Samples.Rating(1), CancellationToken.None);

        var page = await store.ReadAnswersAsync(new AnswerQuery { PollId = "poll-1" }, CancellationToken.None);

        Assert.Single(page.Answers);
        Assert.All(sandbox.Host.Requests.All, r => Assert.Equal("", r.Prefer));
    }

    [Fact]
    public async Task ReadsFollowTheNextLinkPageByPage()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        var written = Enumerable.Range(1, 25).Select(n => Samples.Rating(n)).ToList();
        await store.UpsertManyAsync(written.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        var read = new List<Answer>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await store.ReadAnswersAsync(new AnswerQuery { GoalId = "klima-1", PageSize = 10, ContinuationToken = token }, CancellationToken.None);
            read.AddRange(page.Answers);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(written.Select(a => a.Normalized()), read.OrderBy(a => a.AnsweredAt));
    }

    [Fact]
    public async Task RefreshingSummariesKeepsOneItemPerGoalInTheSummaryList()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        var answers = Enumerable.Range(1, 6).Select(n => Samples.Rating(n, rating: n <= 3 ? 5 : 3))
            .Concat(Enumerable.Range(7, 5).Select(n => Samples.Rating(n, goal: "klima-2") with { Value = AnswerValue.OfText(n == 7 ? "Mehr Bäume" : "") }))
            .ToList();
        await store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        await store.RefreshSummariesAsync(["klima-1", "klima-2"], CancellationToken.None);
        await store.RefreshSummariesAsync(["klima-1", "klima-2"], CancellationToken.None);

        var items = sandbox.Lists.Items(ResultsLists.SummariesTitle).ToDictionary(i => i.Text("GoalId")!);
        Assert.Equal(2, items.Count);
        Assert.Equal(4, (double)items["klima-1"].Fields["MeanRating"]!);
        Assert.Equal(6, (double)items["klima-1"].Fields["AnswerCount"]!);
        Assert.Equal("1: 0 · 2: 0 · 3: 3 · 4: 0 · 5: 3", items["klima-1"].Text("Distribution"));
        Assert.Equal("• Mehr Bäume", items["klima-2"].Text("Comments"));
        Assert.Equal(1, items["klima-1"].Version);
    }

    [Fact]
    public async Task ACommentHiddenByAnOrganizerIsNotSentToTheSummaryList()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var answers = Enumerable.Range(1, 5).Select(n => Samples.Rating(n, goal: "klima-2") with { Value = AnswerValue.OfText(n == 1 ? "Beleidigend" : "Sachlich " + n) }).ToList();
        var store = sandbox.Store(rules: new SummaryRulesSource(MinimumGroupSize.Standard, new FixedHiddenComments(answers[0].Key)));
        await store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        await store.RefreshSummariesAsync(["klima-2"], CancellationToken.None);

        var comments = sandbox.Lists.Items(ResultsLists.SummariesTitle).Single().Text("Comments");
        Assert.DoesNotContain("Beleidigend", comments, StringComparison.Ordinal);
        Assert.Contains("Sachlich 2", comments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoalWithFourRespondentsShowsDepartmentHeadsNoFiguresInTheSummaryList()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        await store.UpsertManyAsync(Enumerable.Range(1, 4).Select(n => new AnswerWrite(Samples.Rating(n, rating: n), false)).ToList(), CancellationToken.None);

        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);

        var item = sandbox.Lists.Items(ResultsLists.SummariesTitle).Single();
        Assert.Equal(4, (double)item.Fields["RespondentCount"]!);
        Assert.Equal(0, (double)item.Fields["RatingCount"]!);
        Assert.Null(item.Text("Distribution"));
        Assert.False(item.Fields.TryGetValue("MeanRating", out var mean) && mean is not null);
    }

    [Fact]
    public async Task AWithdrawnRankOverwritesTheListItemAndReadsBackAsWithdrawn()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store();
        var rank = Samples.Rating(1) with { Value = AnswerValue.OfRank(1) };
        await store.UpsertManyAsync([new AnswerWrite(rank, false)], CancellationToken.None);

        var results = await store.UpsertManyAsync([new AnswerWrite(rank with { Value = AnswerValue.WithdrawnRank }, true)], CancellationToken.None);
        await store.UpsertManyAsync([new AnswerWrite(rank with { Value = AnswerValue.WithdrawnRank }, true)], CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Stored, Assert.Single(results).Status);
        var item = Assert.Single(sandbox.AnswerItems);
        Assert.False(item.Fields.TryGetValue("Rank", out var stored) && stored is not null);
        var read = Assert.Single((await store.ReadAnswersAsync(new AnswerQuery { PollId = rank.PollId }, CancellationToken.None)).Answers);
        Assert.True(read.Value.IsWithdrawn);
        Assert.Equal(0, GoalSummaryCalculator.Tally(rank.GoalId, [read]).RankCount);
    }
}
