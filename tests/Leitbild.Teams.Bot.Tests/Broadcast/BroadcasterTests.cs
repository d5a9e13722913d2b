using System.Net;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.RateLimiting;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Bot.Tests.Fakes;
using Leitbild.Teams.ConnectorSimulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Bot.Tests.Broadcast;

public sealed class BroadcasterTests : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private readonly SteppingTimeProvider _time = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero)));
    private readonly InMemoryBroadcastStore _store = new();
    private readonly InMemoryConversationReferenceStore _references = new();
    private ConnectorSimulatorHost _simulator = null!;
    private readonly ClientRequestTracker _tracker = new();
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _simulator = await ConnectorSimulatorHost.StartAsync(_time);
        _http = new HttpClient(_tracker);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    private Broadcaster NewBroadcaster(IConnectorClient? connector = null, IPersonalAppInstaller? installer = null)
    {
        connector ??= new ConnectorClient(_http, new NoConnectorToken(), new TeamsRateLimiter(_time), new ConnectorOptions { Jitter = () => 0.5 }, _time, NullLogger<ConnectorClient>.Instance);
        var options = new BroadcastOptions { Concurrency = 8, BotId = "28:bot" };
        return new Broadcaster(_store, new ProactiveMessenger(_references, connector, options, installer, _time), connector,
            [new ActivityBroadcastContent()], options, NullLogger<Broadcaster>.Instance);
    }

    private BroadcastJob Job(string id, int people) => new()
    {
        Id = id,
        TenantId = Tenant,
        ServiceUrl = _simulator.ServiceUrl,
        ContentKind = ActivityBroadcastContent.KindName,
        Payload = ActivityBroadcastContent.Payload(new Activity { Type = "message", Text = "Neue Umfrage" }),
        Recipients = Enumerable.Range(0, people).Select(i => new BroadcastRecipient($"person-{i:D4}")).ToList(),
    };

    private Task<BroadcastReport> OnSimulatedTime(Task<BroadcastReport> run) =>
        SimulatedTimeDriver.RunAsync(_time, _simulator, _tracker, run, TimeSpan.FromMilliseconds(40), TimeSpan.FromMinutes(5));

    private Dictionary<string, int> SendsPerConversation() => _simulator.Calls
        .Where(c => c.Status == 201 && c.Path.EndsWith("/activities", StringComparison.Ordinal))
        .GroupBy(c => c.ConversationId!).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task ABroadcastReachesEveryoneBelowTheTeamsLimitsAndReportsIt()
    {
        var broadcaster = NewBroadcaster();
        await broadcaster.CreateAsync(Job("b1", 120), CancellationToken.None);

        var report = await OnSimulatedTime(broadcaster.RunAsync("b1", null, CancellationToken.None));

        Assert.Equal((120, 120, 0, 0, 0, true), (report.Total, report.Delivered, report.Failed, report.Unreachable, report.Pending, report.Finished));
        Assert.Equal(0, _simulator.TooManyRequests);
        Assert.All(SendsPerConversation().Values, n => Assert.Equal(1, n));
        // People had no conversation yet: each got a 1:1 chat, which is now stored for next time.
        Assert.NotNull(await _references.FindPersonalAsync(Tenant, "person-0042", CancellationToken.None));
    }

    [Fact]
    public async Task AStoppedBroadcastResumesWithoutSendingAnyoneTwice()
    {
        var first = NewBroadcaster();
        await first.CreateAsync(Job("b2", 150), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var progress = new Progress<BroadcastProgress>(p =>
        {
            if (p.Done >= 60)
            {
                stop.Cancel();
            }
        });

        var partial = await OnSimulatedTime(first.RunAsync("b2", progress, stop.Token));
        Assert.False(partial.Finished);
        Assert.InRange(partial.Delivered, 60, 149);
        Assert.Equal(partial.Total - partial.Delivered, partial.Pending);

        // "After a restart": a new broadcaster over the same store continues the same job.
        var resumed = await OnSimulatedTime(NewBroadcaster().RunAsync("b2", null, CancellationToken.None));

        Assert.True(resumed.Finished);
        Assert.Equal(150, resumed.Delivered);
        var sends = SendsPerConversation();
        Assert.Equal(150, sends.Count);
        Assert.All(sends.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task APersonLeftSendingByACrashIsReportedFailedNotSentAgain()
    {
        var broadcaster = NewBroadcaster();
        await broadcaster.CreateAsync(Job("b3", 3), CancellationToken.None);
        await _store.MarkAsync("b3", "person-0001", DeliveryState.Sending, null, null, CancellationToken.None);

        var report = await OnSimulatedTime(broadcaster.RunAsync("b3", null, CancellationToken.None));

        var interrupted = report.Deliveries.Single(d => d.PersonId == "person-0001");
        Assert.Equal((DeliveryState.Failed, Broadcaster.InterruptedDetail), (interrupted.State, interrupted.Detail));
        Assert.Equal(2, report.Delivered);
        Assert.DoesNotContain("a:person-0001", SendsPerConversation().Keys);
    }

    [Fact]
    public async Task SomeoneWhoBlockedTheAppIsReportedUnreachable()
    {
        _simulator.Blocked["a:person-0002"] = true;
        var broadcaster = NewBroadcaster();
        await broadcaster.CreateAsync(Job("b4", 4), CancellationToken.None);

        var report = await OnSimulatedTime(broadcaster.RunAsync("b4", null, CancellationToken.None));

        Assert.Equal((3, 1, 0), (report.Delivered, report.Unreachable, report.Failed));
        Assert.Equal("blocked", report.Deliveries.Single(d => d.State == DeliveryState.Unreachable).Detail);
    }

    [Fact]
    public async Task AFailingConnectorMarksPeopleFailedWithTheStatus()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.BadRequest, """{"error":{"code":"BadSyntax","message":"x"}}""");
        var connector = new ConnectorClient(new HttpClient(handler), new NoConnectorToken(), new TeamsRateLimiter(_time), new ConnectorOptions(), _time, NullLogger<ConnectorClient>.Instance);
        await _references.SaveAsync(new ConversationReference
        {
            ServiceUrl = "https://smba.example/", TenantId = Tenant,
            User = new ChannelAccount { Id = "29:x", AadObjectId = "person-0000" },
            Conversation = new ConversationAccount { Id = "a:known", ConversationType = "personal" },
        }, CancellationToken.None);
        var broadcaster = NewBroadcaster(connector);
        await broadcaster.CreateAsync(Job("b5", 1), CancellationToken.None);

        var report = await broadcaster.RunAsync("b5", null, CancellationToken.None);

        var failed = Assert.Single(report.Deliveries);
        Assert.Equal((DeliveryState.Failed, "400 BadSyntax"), (failed.State, failed.Detail));
        Assert.True(report.Finished);
    }

    [Fact]
    public async Task CreatingTheSameJobTwiceChangesNothing()
    {
        var broadcaster = NewBroadcaster();
        await broadcaster.CreateAsync(Job("b6", 2), CancellationToken.None);
        await _store.MarkAsync("b6", "person-0000", DeliveryState.Delivered, "x", null, CancellationToken.None);

        await broadcaster.CreateAsync(Job("b6", 5), CancellationToken.None);

        var report = await broadcaster.GetReportAsync("b6", CancellationToken.None);
        Assert.Equal((2, 1), (report.Total, report.Delivered));
    }

    [Fact]
    public async Task AProactiveMessageToAPersonWithoutConversationCreatesTheChatWithBotAndTenantFirst()
    {
        var connector = new RecordingConnector();
        var messenger = new ProactiveMessenger(_references, connector, new BroadcastOptions { BotId = "28:bot" });

        await messenger.SendToPersonAsync(Tenant, "https://smba.example/", new BroadcastRecipient("person-x", "29:person-x"),
            new Activity { Type = "message", Text = "Hallo" }, CancellationToken.None);
        await messenger.SendToPersonAsync(Tenant, "https://smba.example/", new BroadcastRecipient("person-x", "29:person-x"),
            new Activity { Type = "message", Text = "Noch einmal" }, CancellationToken.None);

        var operations = connector.Calls.Select(c => c.Operation).ToList();
        Assert.Equal(["create", "send", "send"], operations);
        Assert.Equal("a:29:person-x", connector.Calls.Last().Target.Conversation!.Id);
    }

    [Fact]
    public async Task PeopleWithoutTheAppGetItInstalledOnceThenTheMessageAndThoseWithoutTeamsAreNamed()
    {
        var installer = new RecordingInstaller { NoTeams = { "person-0003", "person-0007" }, Policy = { "person-0011" } };
        _simulator.IsInstalledFor = installer.Installed.ContainsKey;
        for (var i = 20; i < 30; i++)
        {
            // Ten people opened the app before: their conversation is known and needs no install.
            await _references.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams", ServiceUrl = _simulator.ServiceUrl, TenantId = Tenant,
                User = new ChannelAccount { Id = $"29:person-{i:D4}", AadObjectId = $"person-{i:D4}" },
                Conversation = new ConversationAccount { Id = $"a:known-{i}", ConversationType = "personal", TenantId = Tenant },
            }, CancellationToken.None);
        }
        var broadcaster = NewBroadcaster(installer: installer);
        await broadcaster.CreateAsync(Job("b7", 30), CancellationToken.None);

        var report = await OnSimulatedTime(broadcaster.RunAsync("b7", null, CancellationToken.None));
        var again = await OnSimulatedTime(broadcaster.RunAsync("b7", null, CancellationToken.None));

        Assert.Equal((30, 27, 3, 0), (report.Total, report.Delivered, report.Unreachable, report.Failed));
        Assert.Equal(
            [("person-0003", "noTeams"), ("person-0007", "noTeams"), ("person-0011", "policy")],
            report.Deliveries.Where(d => d.State == DeliveryState.Unreachable).Select(d => (d.PersonId, d.Detail!)).Order().ToList());
        // Twenty people had no conversation: each was asked for once, the ten known ones never.
        Assert.Equal(20, installer.Calls.Count);
        Assert.DoesNotContain(installer.Calls, p => string.CompareOrdinal(p, "person-0020") >= 0);
        Assert.Equal(27, again.Delivered);
        Assert.All(SendsPerConversation().Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ABroadcastStoppedWhileInstallingResumesWithoutInstallingOrSendingAnyoneTwice()
    {
        var installer = new RecordingInstaller();
        _simulator.IsInstalledFor = installer.Installed.ContainsKey;
        var first = NewBroadcaster(installer: installer);
        await first.CreateAsync(Job("b10", 120), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var progress = new Progress<BroadcastProgress>(p =>
        {
            if (p.Done >= 40)
            {
                stop.Cancel();
            }
        });

        var partial = await OnSimulatedTime(first.RunAsync("b10", progress, stop.Token));
        Assert.False(partial.Finished);
        var resumed = await OnSimulatedTime(NewBroadcaster(installer: installer).RunAsync("b10", null, CancellationToken.None));

        Assert.True(resumed.Finished);
        Assert.Equal(120, resumed.Delivered);
        Assert.All(SendsPerConversation().Values, n => Assert.Equal(1, n));
        // Asked at most twice (a person stopped between install and send is asked again, which installs nothing new),
        // and the ones delivered before the stop were never asked again.
        Assert.All(installer.Calls.GroupBy(p => p), g => Assert.InRange(g.Count(), 1, 2));
        Assert.Equal(120, installer.Installed.Count);
        Assert.True(installer.Calls.Count < 120 + 16 + 1, $"{installer.Calls.Count} install calls");
    }

    [Fact]
    public async Task AnInstallTeamsHasNotSeenYetIsWaitedForAndTheMessageGoesOutOnce()
    {
        var installer = new RecordingInstaller();
        var refusals = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        // Teams learns of each install only on the third question, as when the install is still on its way.
        _simulator.IsInstalledFor = person => installer.Installed.ContainsKey(person) && refusals.AddOrUpdate(person, 1, (_, n) => n + 1) > 2;
        var broadcaster = NewBroadcaster(installer: installer);
        await broadcaster.CreateAsync(Job("b9", 4), CancellationToken.None);

        var report = await OnSimulatedTime(broadcaster.RunAsync("b9", null, CancellationToken.None));

        Assert.Equal(4, report.Delivered);
        Assert.All(SendsPerConversation().Values, n => Assert.Equal(1, n));
        Assert.Equal(8, _simulator.Calls.Count(c => c.Status == 403 && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WithoutAnInstallerPeopleWithoutTheAppFailWithTheConnectorsReason()
    {
        _simulator.IsInstalledFor = _ => false;
        var broadcaster = NewBroadcaster();
        await broadcaster.CreateAsync(Job("b8", 3), CancellationToken.None);

        var report = await OnSimulatedTime(broadcaster.RunAsync("b8", null, CancellationToken.None));

        Assert.Equal(3, report.Failed);
        Assert.All(report.Deliveries, d => Assert.Equal("403 BotNotInConversationRoster", d.Detail));
    }

    private sealed class RecordingInstaller : IPersonalAppInstaller
    {
        public HashSet<string> NoTeams { get; } = [];
        public HashSet<string> Policy { get; } = [];
        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Installed { get; } = new();
        public System.Collections.Concurrent.ConcurrentQueue<string> Calls { get; } = new();

        public Task<PersonalAppInstallResult> EnsureInstalledAsync(string personId, CancellationToken cancellationToken)
        {
            Calls.Enqueue(personId);
            if (NoTeams.Contains(personId))
            {
                return Task.FromResult(PersonalAppInstallResult.Unreachable(UnreachableReasons.NoTeams));
            }
            if (Policy.Contains(personId))
            {
                return Task.FromResult(PersonalAppInstallResult.Unreachable(UnreachableReasons.Policy));
            }
            Installed[personId] = true;
            return Task.FromResult(PersonalAppInstallResult.Done);
        }
    }
}
