using System.Net;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// Probe: a page on attacker.example whose DNS name is rebound to 127.0.0.1 talks to the local app with the browser of
/// someone on this machine; the socket is loopback, only the Host header gives it away.
/// </summary>
public sealed class DnsRebindingTests : IAsyncLifetime
{
    private readonly LocalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static RawRequest SignIn(string host) =>
        new("POST", "/api/tab/dev-signin") { Host = host, Peer = IPAddress.Loopback, Body = $$"""{"personId":"{{DevSignIn.Organizer}}"}""" };

    [Fact]
    public async Task ARequestForAnotherHostNameGetsNoDevelopmentToken()
    {
        var refused = await SignIn("attacker.example:3978").SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status400BadRequest, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Contains("localhost, 127.0.0.1 oder [::1]", refused.ProblemText, StringComparison.Ordinal);
        Assert.DoesNotContain("token", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherHostNameReadsNothingElseEither()
    {
        var people = await new RawRequest("GET", "/api/tab/dev-signin/people") { Host = "attacker.example", Peer = IPAddress.Loopback }.SendAsync(_factory.Server);
        var start = await new RawRequest("GET", "/?lang=en") { Host = "attacker.example", Peer = IPAddress.Loopback }.SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status400BadRequest, people.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, start.Status);
        Assert.Contains("only at localhost, 127.0.0.1 or [::1]", start.ProblemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoopbackNameWithAnotherPortThanTheConnectionsIsRefused()
    {
        var refused = await (SignIn("localhost:8080") with { LocalPort = 3978 }).SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status400BadRequest, refused.Status);
    }

    [Theory]
    [InlineData("localhost:3978")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("[::1]:3978")]
    [InlineData("LOCALHOST:3978")]
    public async Task TheAppsOwnLoopbackNamesStillSignIn(string host)
    {
        var response = await (SignIn(host) with { LocalPort = 3978 }).SendAsync(_factory.Server);

        Assert.True(response.Status == StatusCodes.Status200OK, response.Body);
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("token").GetString()));
    }
}
