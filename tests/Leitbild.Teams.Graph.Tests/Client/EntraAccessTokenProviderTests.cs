using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.Graph.Tests.Fakes;

namespace Leitbild.Teams.Graph.Tests.Client;

public sealed class EntraAccessTokenProviderTests
{
    [Fact]
    public async Task GraphGetsAnAppOnlyTokenForTheGraphScope()
    {
        var acquirer = new FixedTokenAcquirer("app-token");
        var provider = new EntraAccessTokenProvider(acquirer, GraphClientSettings.GraphV1);

        var token = await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/sites/x"));

        Assert.Equal("app-token", token);
        Assert.Equal(["https://graph.microsoft.com/.default"], acquirer.AppScopes);
    }

    [Fact]
    public async Task NoTokenLeavesForAnyOtherHost()
    {
        var acquirer = new FixedTokenAcquirer("app-token");
        var provider = new EntraAccessTokenProvider(acquirer, GraphClientSettings.GraphV1);

        var token = await provider.GetAuthorizationTokenAsync(new Uri("https://evil.example/v1.0/sites/x"));

        Assert.Equal("", token);
        Assert.Empty(acquirer.AppScopes);
    }
}
