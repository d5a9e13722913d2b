using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator.Lists;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.App.Tests.Results;

/// <summary>The promise that matters most: under throttling, failures and a restart, nothing is lost and nothing doubled.</summary>
public sealed class OutboxFaultTests
{
    [Fact]
    public async Task AThousandAnswersUnderThirtyPercentFailuresAndARestartEndAsExactlyAThousandItems()
    {
        using var db = await ResultsTestDatabase.CreateAsync();
        var outbox = new SqliteResultsOutbox(db.Database, TimeProvider.System);
        var (host, lists, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        await SharePointTestStores.CreateProvisionedAsync(host, site);
        host.Faults.RetryAfterSeconds = 0;
        host.Faults.FailureRate = 0.3;
        var settings = new OutboxSettings { BatchSize = 100, IdlePoll = TimeSpan.FromMilliseconds(50), RetryBase = TimeSpan.FromMilliseconds(20), RetryMax = TimeSpan.FromMilliseconds(300), SummaryInterval = TimeSpan.FromSeconds(1) };
        ResultsOutboxWorker Worker() => new(outbox, SharePointTestStores.Create(host, site), settings, TimeProvider.System, NullLogger<ResultsOutboxWorker>.Instance);

        var first = Worker();
        await first.StartAsync(CancellationToken.None);
        var goals = new[] { "klima-1", "klima-2", "wohnen-1", "mobil-1" };
        for (var n = 1; n <= 1000; n++)
        {
            await outbox.EnqueueAsync(Samples.Rating(n, rating: 1 + (n % 5), goal: goals[n % goals.Length]), CancellationToken.None);
        }
        await ResultsOutboxTests.Eventually(() => lists.Items(ResultsLists.AnswersTitle).Count >= 400, seconds: 40);
        // The restart: the running worker is stopped mid-flush, a new one (new store, empty cache) takes over.
        await first.StopAsync(CancellationToken.None);
        var second = Worker();
        await second.StartAsync(CancellationToken.None);
        try
        {
            await ResultsOutboxTests.Eventually(() => outbox.CountAsync(CancellationToken.None).GetAwaiter().GetResult().Pending == 0, seconds: 45);
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
        }

        var items = lists.Items(ResultsLists.AnswersTitle);
        Assert.True(host.Faults.InjectedCount > 50, $"only {host.Faults.InjectedCount} faults injected");
        Assert.Equal(1000, items.Count);
        Assert.Equal(1000, items.Select(i => i.Text("AnswerKey")).Distinct().Count());
        Assert.Equal(new OutboxCounts(0, 0), await outbox.CountAsync(CancellationToken.None));
    }
}
