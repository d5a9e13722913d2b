using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Graph.Calendars;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;

namespace Leitbild.Teams.App.Tests.Hosting;

/// <summary>With every Microsoft 365 setting present, the ports resolve to the Graph adapters, all on one client.</summary>
public class Microsoft365CompositionTests
{
    [Fact]
    public async Task PortsResolveToTheGraphAdaptersSharingOneClient()
    {
        await using var factory = new LocalAppFactory(
            ("Leitbild:Mode", "Microsoft365"),
            ("Leitbild:Microsoft365:TenantId", "11111111-1111-1111-1111-111111111111"),
            ("Leitbild:Microsoft365:ClientId", "22222222-2222-2222-2222-222222222222"),
            ("Leitbild:Microsoft365:ClientSecret", "test-only"),
            ("Leitbild:Microsoft365:SharePointSiteId", "contoso.sharepoint.com,1,2"),
            ("Leitbild:Microsoft365:GraphBaseUrl", "http://127.0.0.1:9/v1.0/"),
            ("Leitbild:AnonymousKey", new string('k', 40)),
            ("Leitbild:PublicBaseUrl", "https://leitbild.example"));
        var services = factory.Services;

        Assert.IsType<GraphCalendar>(services.GetRequiredService<ICalendar>());
        Assert.IsType<SharePointResultsStore>(services.GetRequiredService<IResultsStore>());
        Assert.Same(services.GetRequiredService<GraphServiceClient>(), services.GetRequiredService<GraphServiceClient>());
        Assert.Equal("http://127.0.0.1:9/v1.0", services.GetRequiredService<GraphServiceClient>().RequestAdapter.BaseUrl?.TrimEnd('/'));
    }
}
