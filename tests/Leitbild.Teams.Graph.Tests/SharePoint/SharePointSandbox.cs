using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.Graph.Tests.Fakes;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Lists;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

/// <summary>A Graph simulator with one site, the real GraphServiceClient pointed at it, and the results lists provisioned.</summary>
internal sealed class SharePointSandbox : IAsyncDisposable
{
    private SharePointSandbox(GraphSimulatorHost host, ListsFeature lists, SimSite site, GraphServiceClient client)
    {
        Host = host;
        Lists = lists;
        Site = site;
        Client = client;
    }

    public GraphSimulatorHost Host { get; }
    public ListsFeature Lists { get; }
    public SimSite Site { get; }
    public GraphServiceClient Client { get; }

    public static async Task<SharePointSandbox> StartAsync(bool provision = true)
    {
        var (host, lists, site) = await ListsSimulator.StartAsync();
        host.Faults.RetryAfterSeconds = 0;
        var client = CreateClient(host.BaseUrl);
        var sandbox = new SharePointSandbox(host, lists, site, client);
        if (provision)
        {
            await sandbox.Provisioner().ProvisionAsync(new SiteReference(site.Id, null, null), CancellationToken.None);
        }
        host.Requests.Clear();
        return sandbox;
    }

    public static GraphServiceClient CreateClient(Uri baseUrl) => LeitbildGraphClient.Create(
        new GraphClientSettings { BaseUrl = baseUrl, OrganisationName = "Stadt Bergkamen", AppVersion = "0.1.0", MaxRetryDelay = TimeSpan.FromSeconds(1) },
        new StaticAccessTokenProvider("simulator-token"),
        TimeProvider.System,
        NullLoggerFactory.Instance);

    /// <summary>Graph for the lists, and SharePoint REST (views, permissions) at the simulator's root for the site's address.</summary>
    public SharePointProvisioner Provisioner() => new(Client, Host.BaseUrl, RestClient);

    /// <summary>The site's REST API as the simulator serves it: same path, the simulator's host.</summary>
    public SharePointRestClient RestClient(Uri siteUrl) =>
        new(new HttpClient(), new Uri(new Uri(Host.BaseUrl.GetLeftPart(UriPartial.Authority)), siteUrl.AbsolutePath), new StaticAccessTokenProvider("simulator-token"));

    public SharePointResultsStore Store(IResultsLabelSource? labels = null, SummaryRulesSource? rules = null, int readPageSize = 500) => new(Client,
        new SharePointResultsOptions { SiteId = Site.Id, MaxRetryDelay = TimeSpan.FromSeconds(1), ReadPageSize = readPageSize },
        labels ?? new NoResultsLabels(), rules ?? new SummaryRulesSource(MinimumGroupSize.Standard, new FixedHiddenComments()), TimeProvider.System, NullLogger<SharePointResultsStore>.Instance);

    public IReadOnlyList<SimItem> AnswerItems => Lists.Items(ResultsLists.AnswersTitle);

    public int BatchRequests => Host.Requests.All.Count(r => r.PathAndQuery.Contains("$batch", StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
