using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Tests.Fakes;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Lists;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.App.Tests.Results;

public sealed class SqliteResultsStoreContractTests : ResultsStoreContract
{
    private ResultsTestDatabase? _database;

    protected override async Task<IResultsStore> CreateStoreAsync()
    {
        _database = await ResultsTestDatabase.CreateAsync();
        return new SqliteResultsStore(_database.Database, FixedHiddenComments.Standard(), TimeProvider.System);
    }

    protected override Task DisposeStoreAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SharePointResultsStoreContractTests : ResultsStoreContract
{
    private GraphSimulatorHost? _host;

    protected override async Task<IResultsStore> CreateStoreAsync()
    {
        var (host, _, site) = await ListsSimulator.StartAsync();
        _host = host;
        return await SharePointTestStores.CreateProvisionedAsync(host, site);
    }

    protected override async Task DisposeStoreAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

internal static class SharePointTestStores
{
    public static Microsoft.Graph.GraphServiceClient Client(GraphSimulatorHost host) => LeitbildGraphClient.Create(
        new GraphClientSettings { BaseUrl = host.BaseUrl, OrganisationName = "Stadt Bergkamen", AppVersion = "0.1.0", MaxRetryDelay = TimeSpan.FromMilliseconds(200) },
        new StaticAccessTokenProvider("simulator-token"), TimeProvider.System, NullLoggerFactory.Instance);

    public static async Task<SharePointResultsStore> CreateProvisionedAsync(GraphSimulatorHost host, SimSite site)
    {
        var client = Client(host);
        await new SharePointProvisioner(client, host.BaseUrl).ProvisionAsync(new SiteReference(site.Id, null, null), CancellationToken.None);
        return Create(host, site);
    }

    public static SharePointResultsStore Create(GraphSimulatorHost host, SimSite site) => new(
        Client(host),
        new SharePointResultsOptions { SiteId = site.Id, MaxRetryDelay = TimeSpan.FromMilliseconds(200) },
        new NoResultsLabels(),
        FixedHiddenComments.Standard(),
        TimeProvider.System,
        NullLogger<SharePointResultsStore>.Instance);
}
