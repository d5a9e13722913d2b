using System.Net;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// Probe: any web page open in a browser on this machine posts to the local app without asking — a form or a
/// <c>text/plain</c> fetch is a "simple" request that browsers send cross-site. In local mode the bot endpoint has no
/// token, so such a POST could answer a poll in someone else's name; the tab API's changes carry a token, but get the
/// same rule. The browser always names the page's origin on a POST.
/// </summary>
public sealed class CrossSiteRequestTests : IAsyncLifetime
{
    private readonly LocalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A poll answer invoke in the name of another person, as an attacker's page would post it.</summary>
    private const string ForgedAnswer = """
        {"type":"invoke","name":"adaptiveCard/action","id":"x-1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/",
         "from":{"id":"29:victim","aadObjectId":"0374d0fd-4d54-5dd6-9642-c253379975a1"},"conversation":{"id":"a:victim"},
         "value":{"action":{"type":"Action.Execute","verb":"poll.answer","data":{"pollId":"p1"}}}}
        """;

    private const string Typing = """{"type":"typing","id":"t-1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"}}""";

    [Fact]
    public async Task ATextPlainPostToTheBotIsRefusedBeforeTheBotReadsIt()
    {
        var refused = await new RawRequest("POST", "/api/messages") { Peer = IPAddress.Loopback, Body = ForgedAnswer, ContentType = "text/plain" }.SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused.Status);
        Assert.Contains("application/json", refused.ProblemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostFromAnotherOriginIsRefusedEvenAsJson()
    {
        var refused = await new RawRequest("POST", "/api/messages")
        {
            Peer = IPAddress.Loopback, Body = ForgedAnswer, Headers = new Dictionary<string, string> { ["Origin"] = "https://attacker.example", ["Accept-Language"] = "en" },
        }.SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
        Assert.Contains("only from its own pages", refused.ProblemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATabApiChangeAsAFormIsRefused()
    {
        var refused = await new RawRequest("POST", "/api/tab/dev-signin")
        {
            Peer = IPAddress.Loopback, Body = $"personId={DevSignIn.Organizer}", ContentType = "application/x-www-form-urlencoded",
        }.SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused.Status);
    }

    [Fact]
    public async Task JsonFromTheAppsOwnOriginOrWithoutOriginStillReachesTheBot()
    {
        var ownOrigin = await new RawRequest("POST", "/api/messages")
        {
            Host = "127.0.0.1:3978", LocalPort = 3978, Peer = IPAddress.Loopback, Body = Typing, ContentType = "application/json; charset=utf-8",
            Headers = new Dictionary<string, string> { ["Origin"] = "http://127.0.0.1:3978" },
        }.SendAsync(_factory.Server);
        // The Agents Playground posts from its server: JSON, no Origin.
        var playground = await new RawRequest("POST", "/api/messages") { Peer = IPAddress.Loopback, Body = Typing }.SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status200OK, ownOrigin.Status);
        Assert.Equal(StatusCodes.Status200OK, playground.Status);
    }

    [Fact]
    public async Task ADeleteWithoutBodyNeedsNoContentType()
    {
        // Reaches authorization (no token: 401) instead of being refused for its missing content type.
        var response = await new RawRequest("DELETE", "/api/tab/evaluation/notes/interviews/i-1/statements/s-1") { Peer = IPAddress.Loopback, ContentType = null }.SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.Status);
    }
}
