using System.Net;
using System.Text;

namespace Leitbild.Teams.App.Tests.Bot;

public class EndpointLimitsTests
{
    [Fact]
    public async Task ABodyOverTheConfiguredLimitGets413()
    {
        await using var factory = new BotAppFactory(settings: new Dictionary<string, string?> { ["Leitbild:BotMaxRequestBytes"] = "16384" });
        using var client = factory.CreateClient();
        var body = $$"""{"type":"message","text":"{{new string('x', 20_000)}}"}""";

        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        factory.DeleteDatabase();
    }

    [Fact]
    public async Task InMicrosoft365ModeARequestWithoutTokenIsUnauthorized()
    {
        await using var factory = new BotAppFactory(settings: new Dictionary<string, string?>
        {
            ["Leitbild:Mode"] = "Microsoft365",
            ["Leitbild:PublicBaseUrl"] = "https://leitbild.example.org",
            ["Leitbild:AnonymousKey"] = new string('k', 40),
            ["Leitbild:Microsoft365:TenantId"] = "5f0c2a59-8f4e-4a7e-9b1c-0d7e6f5a4b3c",
            ["Leitbild:Microsoft365:ClientId"] = "5e9f6c1a-0c2d-4f1e-9b7a-1d2c3b4a5f60",
            ["Leitbild:Microsoft365:ClientSecret"] = "not-used",
            ["Leitbild:Microsoft365:SharePointSiteId"] = "contoso.sharepoint.com,1,2",
        });
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent("""{"type":"message","text":"hilfe","channelId":"msteams"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        factory.DeleteDatabase();
    }
}
