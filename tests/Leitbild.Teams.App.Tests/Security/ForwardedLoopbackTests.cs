using System.Net;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// Probe: with forwarded headers on (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, as infra/main.bicep sets it) the
/// framework takes the caller's address from <c>X-Forwarded-For</c>, from any peer. A caller elsewhere that writes
/// <c>X-Forwarded-For: 127.0.0.1</c> must still not count as this machine — for the development sign-in nor for the
/// bot's unauthenticated local mode.
/// </summary>
public sealed class ForwardedLoopbackTests : IAsyncLifetime
{
    private static readonly IPAddress Elsewhere = IPAddress.Parse("203.0.113.7");

    private readonly LocalAppFactory _factory = new(("FORWARDEDHEADERS_ENABLED", "true"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static RawRequest SignIn(IPAddress peer, string? forwardedFor) => new("POST", "/api/tab/dev-signin")
    {
        Peer = peer,
        Body = $$"""{"personId":"{{DevSignIn.Organizer}}"}""",
        Headers = forwardedFor is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor },
    };

    private static RawRequest Activity(IPAddress peer, string? forwardedFor) => new("POST", "/api/messages")
    {
        Peer = peer,
        Body = """{"type":"typing","id":"t-1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"}}""",
        Headers = forwardedFor is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor },
    };

    [Fact]
    public async Task AForwardedLoopbackAddressFromAnotherMachineGetsNoDevelopmentToken()
    {
        var refused = await SignIn(Elsewhere, "127.0.0.1").SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
        Assert.Contains("nur vom selben Rechner", refused.ProblemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForwardedLoopbackAddressFromAnotherMachineCannotPostActivities()
    {
        var refused = await Activity(Elsewhere, "127.0.0.1").SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Status);
    }

    [Fact]
    public async Task AProxyOnThisMachineRelayingSomeoneElseDoesNotMakeThemLocal()
    {
        var signIn = await SignIn(IPAddress.Loopback, "203.0.113.7").SendAsync(_factory.Server);
        var activity = await Activity(IPAddress.IPv6Loopback, "203.0.113.7").SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status403Forbidden, signIn.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, activity.Status);
    }

    [Fact]
    public async Task ACallerOnThisMachineStillSignsInAndPostsWithForwardedHeadersOn()
    {
        var signIn = await SignIn(IPAddress.Loopback, null).SendAsync(_factory.Server);
        var activity = await Activity(IPAddress.IPv6Loopback, null).SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status200OK, signIn.Status);
        Assert.Equal(StatusCodes.Status200OK, activity.Status);
    }

    [Fact]
    public async Task AnotherMachineWithoutForwardedHeadersIsRefusedAsBefore()
    {
        var refused = await SignIn(Elsewhere, null).SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
    }
}
