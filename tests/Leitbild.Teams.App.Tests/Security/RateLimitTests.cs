using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// Probe: one caller floods the APIs. With a limit of 10 a minute (the smallest allowed), the eleventh request in a
/// row gets 429 with Retry-After and words to read; other callers go on; the bot endpoint and /healthz are not counted.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string Reviewer = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";

    private readonly LocalAppFactory _factory = new(
        ("Leitbild:Limits:PermitsPerMinutePerPerson", "10"),
        ("Leitbild:Limits:PermitsPerMinutePerAddress", "10"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ASignedInPersonOverTheLimitGets429WithRetryAfterAndOthersGoOn()
    {
        using var flooder = _factory.CreateClient();
        await flooder.SignInAsync(DevSignIn.Organizer);
        using var other = _factory.CreateClient();
        await other.SignInAsync(Reviewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await flooder.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        }
        flooder.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var refused = await flooder.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnAddressWithoutSignInIsLimitedByItselfAndAnotherAddressGoesOn()
    {
        var flooder = IPAddress.Parse("198.51.100.1");
        var statuses = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await new RawRequest("GET", "/api/process") { Peer = flooder }.SendAsync(_factory.Server)).Status);
        }
        var refused = await new RawRequest("GET", "/api/process") { Peer = flooder }.SendAsync(_factory.Server);
        var neighbour = await new RawRequest("GET", "/api/process") { Peer = IPAddress.Parse("198.51.100.2") }.SendAsync(_factory.Server);

        Assert.Equal(10, statuses.Count(s => s == StatusCodes.Status200OK));
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Status);
        Assert.Contains("Bitte warten Sie", refused.ProblemText, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, neighbour.Status);
    }

    [Fact]
    public async Task TheBotEndpointAndTheHealthProbeAreNotLimited()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            var activity = $$$"""{"type":"typing","id":"t-{{{i}}}","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"}}""";
            statuses.Add((await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity, Encoding.UTF8, "application/json"))).StatusCode);
            statuses.Add((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public void ALimitBelowTenAMinuteIsABadSetting()
    {
        var options = new LeitbildOptions { Limits = new RequestLimitsOptions { PermitsPerMinutePerPerson = 5 } };

        var result = new LeitbildOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Leitbild:Limits:PermitsPerMinutePerPerson", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new LeitbildOptionsValidator().Validate(null, new LeitbildOptions()).Succeeded);
    }
}
