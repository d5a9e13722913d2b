using System.Diagnostics;
using System.Globalization;
using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.RateLimiting;
using Leitbild.Teams.Bot.Schema;
using Activity = Leitbild.Teams.Bot.Schema.Activity;
using Leitbild.Teams.ConnectorSimulator;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.Teams;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Bench;

/// <summary>
/// A broadcast to N people (default 1,000) through the real Broadcaster, connector client and Teams rate limiter,
/// with the real SQLite stores, against the connector simulator, which answers 429 whenever a Teams limit is
/// broken. Time is simulated: it jumps to the next waiting timer whenever nothing is in flight, so the simulated
/// duration is what the pacing costs. Variant "known": everyone installed the app, their 1:1 conversation is
/// stored. Variant "new": nobody's conversation is known, each needs POST /v3/conversations first. Variant
/// "install": Microsoft 365 mode for people who never opened the app: the real Graph installer (paced at its
/// default 20 installs/s) installs the app through the Graph simulator, whose calls are counted, then the 1:1
/// conversation is created.
/// </summary>
public static class BotBroadcastBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await RunOnceAsync(people, knownConversations: true, install: false);
        await RunOnceAsync(people, knownConversations: false, install: false);
        await RunOnceAsync(people, knownConversations: false, install: true);
        return 0;
    }

    private static async Task RunOnceAsync(int people, bool knownConversations, bool install)
    {
        var start = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
        var time = new SteppingTimeProvider(new FakeTimeProvider(start));
        await using var simulator = await ConnectorSimulatorHost.StartAsync(time);
        var tracker = new ClientRequestTracker();
        using var http = new HttpClient(tracker);
        var path = Path.Combine(Path.GetTempPath(), $"leitbild-broadcast-{Guid.NewGuid():N}.db");
        var database = new SqliteDatabase(path);
        try
        {
            await new MigrationRunner(database, BotMigrations.All, time, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
            var references = new SqliteConversationReferenceStore(database, time);
            var recipients = Enumerable.Range(0, people).Select(i => new BroadcastRecipient($"00000000-0000-0000-0000-{i:D12}")).ToList();
            if (knownConversations)
            {
                foreach (var r in recipients)
                {
                    await references.SaveAsync(new ConversationReference
                    {
                        ChannelId = "msteams", ServiceUrl = simulator.ServiceUrl, TenantId = "tenant",
                        User = new ChannelAccount { Id = "29:" + r.PersonId, AadObjectId = r.PersonId },
                        Conversation = new ConversationAccount { Id = "a:" + r.PersonId, ConversationType = "personal", TenantId = "tenant" },
                    }, CancellationToken.None);
                }
            }
            var connector = new ConnectorClient(http, new NoConnectorToken(), new TeamsRateLimiter(time), new ConnectorOptions(), time, NullLogger<ConnectorClient>.Instance);
            var options = new BroadcastOptions { BotId = "28:bot" };
            var teamsApps = new TeamsAppsFeature();
            await using var graph = await GraphSimulatorHost.StartAsync(teamsApps);
            IPersonalAppInstaller? installer = null;
            if (install)
            {
                simulator.IsInstalledFor = teamsApps.IsInstalled;
                var client = LeitbildGraphClient.Create(new GraphClientSettings { BaseUrl = graph.BaseUrl, OrganisationName = "Bench", AppVersion = "bench" },
                    new StaticAccessTokenProvider("bench"), time, NullLoggerFactory.Instance, transport: tracker);
                installer = new GraphAppInstaller(new GraphPersonalAppInstaller(client, teamsApps.ExternalId!, time));
            }
            var broadcaster = new Broadcaster(new SqliteBroadcastStore(database, time), new ProactiveMessenger(references, connector, options, installer), connector,
                [new ActivityBroadcastContent()], options, NullLogger<Broadcaster>.Instance);
            var job = new BroadcastJob
            {
                Id = "bench", TenantId = "tenant", ServiceUrl = simulator.ServiceUrl,
                ContentKind = ActivityBroadcastContent.KindName,
                Payload = ActivityBroadcastContent.Payload(new Activity { Type = "message", Text = "Neue Umfrage: Wie wichtig ist Ihnen Klimaschutz?" }),
                Recipients = recipients,
            };
            await broadcaster.CreateAsync(job, CancellationToken.None);

            var wall = Stopwatch.StartNew();
            var report = await SimulatedTimeDriver.RunAsync(time, simulator, tracker, broadcaster.RunAsync(job.Id, null, CancellationToken.None),
                TimeSpan.FromMilliseconds(30), TimeSpan.FromMinutes(10));
            var accepted = simulator.Calls.Where(c => c.Status is 200 or 201).Select(c => c.At).ToList();
            var simulated = accepted.Max() - start;
            var variant = knownConversations ? "conversations known" : install ? "app installed through Graph first" : "1:1 conversations created first";
            Console.WriteLine($"broadcast to {people} people, {variant}: " +
                $"{simulated.TotalSeconds:0.00} s simulated ({accepted.Count} connector calls), {simulator.TooManyRequests} x 429, " +
                $"{report.Delivered} delivered, {report.Failed} failed, {report.Unreachable} unreachable; {wall.Elapsed.TotalSeconds:0.0} s wall clock" +
                (install ? $"; Graph calls: {graph.Requests.Count} ({graph.Requests.All.Count(r => r.Method == "POST")} installs, " +
                    $"{graph.Requests.All.Count(r => r.PathAndQuery.Contains("appCatalogs", StringComparison.Ordinal))} catalogue lookups)" : ""));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
