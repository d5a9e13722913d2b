using System.Net;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Tests.Fakes;
using Microsoft.Identity.Client;

namespace Leitbild.Teams.Bot.Tests.Connector;

public class MsalConnectorTokenProviderTests
{
    private sealed class Factory(HttpMessageHandler handler) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(handler);

        public HttpClient GetHttpClient() => _client;
    }

    [Fact]
    public async Task TheAppTokenComesFromTheBotsOwnTenantAndIsCachedUntilItExpires()
    {
        // Token response shape from https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.OK,
            """{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"eyJ0eXAiOiJKV1Qi.test.token"}""");
        var application = MsalConnectorTokenProvider.CreateApplication(
            "d6d49420-f39b-4df7-a1dc-d59a935871db", "5e9f6c1a-0c2d-4f1e-9b7a-1d2c3b4a5f60", "secret", new Factory(handler));
        var provider = new MsalConnectorTokenProvider(application);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("eyJ0eXAiOiJKV1Qi.test.token", first);
        Assert.Equal(first, second);
        var tokenRequests = handler.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)).ToList();
        var request = Assert.Single(tokenRequests);
        Assert.Equal("/d6d49420-f39b-4df7-a1dc-d59a935871db/oauth2/v2.0/token", request.Uri.AbsolutePath);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
    }
}
