using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.ConnectorSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Bot;

public class BroadcastResumeTests
{
    [Fact]
    public async Task ABroadcastInterruptedByARestartFinishesFromSqliteWithoutDuplicates()
    {
        await using var connector = await ConnectorSimulatorHost.StartAsync(TimeProvider.System);
        var job = new BroadcastJob
        {
            Id = "poll-42",
            TenantId = Activities.Tenant,
            ServiceUrl = connector.ServiceUrl,
            ContentKind = ActivityBroadcastContent.KindName,
            Payload = ActivityBroadcastContent.Payload(new Activity { Type = "message", Text = "Neue Umfrage zum Handlungsfeld Klima" }),
            Recipients = Enumerable.Range(0, 40).Select(i => new BroadcastRecipient($"person-{i:D3}")).ToList(),
        };

        string databasePath;
        await using (var first = new BotAppFactory())
        {
            databasePath = first.DatabasePath;
            var broadcaster = first.Services.GetRequiredService<Broadcaster>();
            await broadcaster.CreateAsync(job, CancellationToken.None);
            using var stop = new CancellationTokenSource();
            var partial = await broadcaster.RunAsync(job.Id, new Progress<BroadcastProgress>(p =>
            {
                if (p.Done >= 10)
                {
                    stop.Cancel();
                }
            }), stop.Token);
            Assert.False(partial.Finished);
            Assert.True(partial.Pending > 0);
        }

        // A new process on the same SQLite file resumes the job on its own at start.
        await using var second = new BotAppFactory(databasePath);
        var resumed = second.Services.GetRequiredService<Broadcaster>();
        BroadcastReport report;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            report = await resumed.GetReportAsync(job.Id, CancellationToken.None);
        }
        while (!report.Finished && DateTime.UtcNow < deadline);

        Assert.True(report.Finished);
        Assert.Equal(40, report.Delivered);
        var sends = connector.Calls.Where(c => c.Status == 201 && c.Path.EndsWith("/activities", StringComparison.Ordinal)).GroupBy(c => c.ConversationId).ToList();
        Assert.Equal(40, sends.Count);
        Assert.All(sends, g => Assert.Single(g));
        // No 429 check here: the new process does not know what the old one sent in the last second, so Teams
        // may answer 429 right after a restart; the connector waits for Retry-After and nothing is lost or doubled.
        second.DeleteDatabase();
    }
}
