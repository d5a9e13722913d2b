using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Tests.Fakes;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator.Lists;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.App.Tests.Results;

public sealed class ResultsOutboxTests : IAsyncLifetime
{
    private static readonly OutboxSettings Fast = new() { BatchSize = 100, IdlePoll = TimeSpan.FromMilliseconds(50), RetryBase = TimeSpan.FromMilliseconds(10), RetryMax = TimeSpan.FromMilliseconds(200), SummaryInterval = TimeSpan.FromMilliseconds(100) };
    private ResultsTestDatabase _db = null!;
    private SqliteResultsOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _db = await ResultsTestDatabase.CreateAsync();
        _outbox = new SqliteResultsOutbox(_db.Database, TimeProvider.System);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private ResultsOutboxWorker Worker(IResultsStore store) => new(_outbox, store, Fast, TimeProvider.System, NullLogger<ResultsOutboxWorker>.Instance);

    [Fact]
    public async Task AMalformedAnswerIsRefusedInGermanAndEnglishAndNothingIsQueued()
    {
        var oversized = Samples.Rating(1) with { Value = AnswerValue.OfText(new string('x', AnswerValidator.MaxTextLength + 1)) };

        var error = await Assert.ThrowsAsync<AnswerValidationException>(() => _outbox.EnqueueAsync(oversized, CancellationToken.None));

        Assert.Contains("ist länger als 2000 Zeichen / is longer than 2000 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(new OutboxCounts(0, 0), await _outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheSameAnswerEnqueuedTwiceChangesNothing()
    {
        Assert.Equal(OutboxEnqueueResult.Accepted, await _outbox.EnqueueAsync(Samples.Rating(1), CancellationToken.None));

        Assert.Equal(OutboxEnqueueResult.Unchanged, await _outbox.EnqueueAsync(Samples.Rating(1), CancellationToken.None));

        Assert.Equal(new OutboxCounts(1, 0), await _outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AChangedAnswerReplacesThePendingOne()
    {
        await _outbox.EnqueueAsync(Samples.Rating(1, rating: 2), CancellationToken.None);
        await _outbox.EnqueueAsync(Samples.Rating(1, rating: 4), CancellationToken.None);

        var claim = Assert.Single(await _outbox.ClaimAsync(10, CancellationToken.None));

        Assert.Equal(4, claim.Answer.Value.Rating);
        Assert.Equal(2, claim.Revision);
    }

    [Fact]
    public async Task TheWorkerDeliversEveryAnswerAndEmptiesTheOutbox()
    {
        var store = new SqliteResultsStore(_db.Database, FixedHiddenComments.Standard(), TimeProvider.System);
        for (var n = 1; n <= 250; n++)
        {
            await _outbox.EnqueueAsync(Samples.Rating(n), CancellationToken.None);
        }

        while (await Worker(store).DeliverRoundAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(new OutboxCounts(0, 0), await _outbox.CountAsync(CancellationToken.None));
        Assert.Equal(250, (await store.ReadGoalSummaryAsync("klima-1", CancellationToken.None)).AnswerCount);
    }

    [Fact]
    public async Task AfterACrashBetweenSendingAndRecordingARestartDeliversEachAnswerExactlyOnce()
    {
        var (host, lists, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        var beforeCrash = await SharePointTestStores.CreateProvisionedAsync(host, site);
        for (var n = 1; n <= 60; n++)
        {
            await _outbox.EnqueueAsync(Samples.Rating(n), CancellationToken.None);
        }
        using var kill = new CancellationTokenSource();
        var crashing = new CrashingResultsStore(beforeCrash, kill);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Worker(crashing).DeliverRoundAsync(kill.Token));
        Assert.Equal(60, crashing.Writes);
        Assert.Equal(60, lists.Items(ResultsLists.AnswersTitle).Count);
        Assert.Equal(60, (await _outbox.CountAsync(CancellationToken.None)).Pending);

        // The restarted app: a new store with nothing cached, the same outbox file.
        var afterRestart = SharePointTestStores.Create(host, site);
        while (await Worker(afterRestart).DeliverRoundAsync(CancellationToken.None) > 0)
        {
        }

        var items = lists.Items(ResultsLists.AnswersTitle);
        Assert.Equal(60, items.Count);
        Assert.Equal(60, items.Select(i => i.Text("AnswerKey")).Distinct().Count());
        Assert.All(items, i => Assert.Equal(1, i.Version));
        Assert.Equal(new OutboxCounts(0, 0), await _outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnAnswerSharePointRefusesIsParkedWithItsReasonAndTheOthersAreDelivered()
    {
        var (host, lists, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        var store = await SharePointTestStores.CreateProvisionedAsync(host, site);
        lists.RemoveColumn(ResultsLists.AnswersTitle, "Choices");
        await _outbox.EnqueueAsync(Samples.Rating(1), CancellationToken.None);
        await _outbox.EnqueueAsync(Samples.Rating(2, goal: "wohnen-1") with { Value = AnswerValue.OfChoices("a", "b") }, CancellationToken.None);

        while (await Worker(store).DeliverRoundAsync(CancellationToken.None) > 0)
        {
        }

        var parked = Assert.Single(await _outbox.ListParkedAsync(CancellationToken.None));
        Assert.Equal("wohnen-1", parked.GoalId);
        Assert.Contains("Field 'Choices' is not recognized", parked.Reason, StringComparison.Ordinal);
        Assert.Single(lists.Items(ResultsLists.AnswersTitle));
        Assert.Equal(new OutboxCounts(0, 1), await _outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WhenSharePointIsNotSetUpAnswersWaitInsteadOfBeingParked()
    {
        var (host, _, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        await _outbox.EnqueueAsync(Samples.Rating(1), CancellationToken.None);

        await Worker(SharePointTestStores.Create(host, site)).DeliverRoundAsync(CancellationToken.None);

        Assert.Equal(new OutboxCounts(1, 0), await _outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheRunningWorkerKeepsTheSummaryListCurrent()
    {
        var (host, lists, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        var worker = Worker(await SharePointTestStores.CreateProvisionedAsync(host, site));
        await worker.StartAsync(CancellationToken.None);
        try
        {
            for (var n = 1; n <= 5; n++)
            {
                await _outbox.EnqueueAsync(Samples.Rating(n, rating: n), CancellationToken.None);
            }
            await Eventually(() => lists.Items(ResultsLists.SummariesTitle).Any(i => i.Fields.TryGetValue("AnswerCount", out var c) && (double)c! == 5));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        var summary = Assert.Single(lists.Items(ResultsLists.SummariesTitle));
        Assert.Equal(3, (double)summary.Fields["MeanRating"]!);
    }

    internal static async Task Eventually(Func<bool> condition, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
