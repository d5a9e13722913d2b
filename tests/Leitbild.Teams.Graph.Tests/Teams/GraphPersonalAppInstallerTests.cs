using Leitbild.Teams.Graph.Teams;
using Leitbild.Teams.Graph.Tests.SharePoint;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Teams;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Graph.Tests.Teams;

/// <summary>The proactive install through the real GraphServiceClient (our throttling handler included) against the simulator.</summary>
public sealed class GraphPersonalAppInstallerTests : IAsyncLifetime
{
    private readonly TeamsAppsFeature _apps = new();
    private GraphSimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphSimulatorHost.StartAsync(_apps);
        _host.Faults.RetryAfterSeconds = 0;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private GraphPersonalAppInstaller Installer(TimeProvider? time = null, double perSecond = 1000) =>
        new(SharePointSandbox.CreateClient(_host.BaseUrl), _apps.ExternalId!, time ?? TimeProvider.System, perSecond);

    private static string UserId(int i) => $"00000000-0000-0000-0000-{i:D12}";

    [Fact]
    public async Task AThousandPeopleCostOneCatalogueLookupAndOneInstallEachAndEveryOutcomeIsNamed()
    {
        _apps.Install(UserId(1));
        _apps.WithoutTeams.Add(UserId(2));
        _apps.BlockedByPolicy.Add(UserId(3));
        var installer = Installer();

        var outcomes = new PersonalAppInstallOutcome[1000];
        await Parallel.ForEachAsync(Enumerable.Range(1, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => outcomes[i - 1] = await installer.InstallAsync(UserId(i), ct));

        Assert.Equal(PersonalAppInstallOutcome.AlreadyInstalled, outcomes[0]);
        Assert.Equal(PersonalAppInstallOutcome.NoTeams, outcomes[1]);
        Assert.Equal(PersonalAppInstallOutcome.Policy, outcomes[2]);
        Assert.Equal(997, outcomes.Count(o => o == PersonalAppInstallOutcome.Installed));
        Assert.Equal(1, _host.Requests.All.Count(r => r.PathAndQuery.Contains("/appCatalogs/teamsApps", StringComparison.Ordinal)));
        Assert.Equal(1000, _host.Requests.All.Count(r => r.Method == "POST"));
        Assert.True(_apps.IsInstalled(UserId(500)));
    }

    [Fact]
    public async Task ThrottlingAndOutagesInstallEveryoneExactlyOnce()
    {
        _host.Faults.FailureRate = 0.3;
        var installer = Installer();

        var outcomes = new PersonalAppInstallOutcome[200];
        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => outcomes[i - 1] = await installer.InstallAsync(UserId(i), ct));

        Assert.True(_host.Faults.InjectedCount > 20);
        Assert.All(outcomes, o => Assert.Equal(PersonalAppInstallOutcome.Installed, o));
        Assert.All(_apps.InstallRequests.GroupBy(r => r.UserId), g => Assert.Single(g, r => r.Status == 201));
    }

    [Fact]
    public async Task InstallsArePacedToTheConfiguredRate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        var installer = Installer(time, perSecond: 2);

        var all = Task.WhenAll(Enumerable.Range(1, 4).Select(i => installer.InstallAsync(UserId(i), CancellationToken.None)));

        // Two a second: the first at once, then one each half second of simulated time.
        for (var expected = 1; expected <= 4; expected++)
        {
            await WaitForInstallsAsync(expected);
            await Task.Delay(150);
            Assert.Equal(expected, _apps.InstallRequests.Count);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }
        await all;
    }

    [Fact]
    public async Task AnAppMissingFromTheCatalogueIsNamedAndNobodyIsTouched()
    {
        _apps.ExternalId = "33333333-3333-3333-3333-333333333333";
        var installer = new GraphPersonalAppInstaller(SharePointSandbox.CreateClient(_host.BaseUrl), "22222222-2222-2222-2222-222222222222", TimeProvider.System);

        var error = await Assert.ThrowsAsync<AppNotInCatalogException>(() => installer.InstallAsync(UserId(1), CancellationToken.None));

        Assert.Equal("22222222-2222-2222-2222-222222222222", error.ExternalId);
        Assert.Empty(_apps.InstallRequests);
    }

    private async Task WaitForInstallsAsync(int count)
    {
        for (var i = 0; i < 100 && _apps.InstallRequests.Count < count; i++)
        {
            await Task.Delay(50);
        }
    }
}
