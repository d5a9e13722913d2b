using System.Text;
using System.Text.Json;
using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Tests.Fakes;
using Leitbild.Teams.IdentitySimulator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.Bot.Tests.Authentication;

/// <summary>
/// The Bot Framework's OpenID endpoint down or stuck: inbound activities get 503 with Retry-After (never 500),
/// one fetch at a time, bounded by a timeout, and the last good keys carry on for up to five days.
/// </summary>
public sealed class MetadataOutageTests : IAsyncLifetime
{
    private const string AppId = "5e9f6c1a-0c2d-4f1e-9b7a-1d2c3b4a5f60";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private static readonly TestSigningKey TeamsKey = LocalOpenIdEndpoint.NewKey("teams-key", "msteams");
    private static readonly TestSigningKey UnpublishedKey = LocalOpenIdEndpoint.NewKey("unknown-key", "msteams");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly HttpClient _http = new();
    private readonly BotAuthenticationOptions _options = new() { AppId = AppId };
    private LocalOpenIdEndpoint _endpoint = null!;
    private BotRequestProcessor _processor = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await LocalOpenIdEndpoint.StartAsync(TeamsKey);
        _options.OpenIdMetadataUrl = _endpoint.MetadataUrl;
        var keys = new EndorsedSigningKeys(_http, _options, _time, NullLogger<EndorsedSigningKeys>.Instance);
        var services = new ServiceCollection().AddSingleton(new BotTokenValidator(keys, _options, _time)).BuildServiceProvider();
        _processor = new BotRequestProcessor(
            new ActivityDispatcher(new BotRoutes()),
            new BotRequestAuthenticator(_options, services),
            new RecordingConnector(),
            new InMemoryProcessedActivityStore(),
            new StatusOnlyRepeatedActivityReply(),
            new BotEndpointOptions(),
            _time,
            NullLogger<BotRequestProcessor>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
    }

    private string Token(TestSigningKey? key = null)
    {
        var now = _time.GetUtcNow();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotAuthenticationOptions.BotFrameworkIssuer,
            Audience = AppId,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials((key ?? TeamsKey).SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<(int Status, string? RetryAfter)> Post(string? token = null)
    {
        var body = JsonSerializer.Serialize(new { type = "message", channelId = "msteams", serviceUrl = ServiceUrl, text = "hilfe", conversation = new { id = "a:1" } });
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers.Authorization = "Bearer " + (token ?? Token());
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.ContentLength = Encoding.UTF8.GetByteCount(body);
        context.RequestServices = new ServiceCollection().BuildServiceProvider();
        context.Response.Body = new MemoryStream();
        await _processor.ProcessAsync(context, CancellationToken.None);
        var retryAfter = context.Response.Headers.RetryAfter.ToString();
        return (context.Response.StatusCode, retryAfter.Length == 0 ? null : retryAfter);
    }

    [Fact]
    public async Task AnActivityWhileTheMetadataEndpointIsDownGets503WithRetryAfter()
    {
        _endpoint.Down = true;

        var (status, retryAfter) = await Post();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.NotNull(retryAfter);
        Assert.True(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task ManyActivitiesDuringAnOutageTriggerOneMetadataFetch()
    {
        _endpoint.Down = true;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, (await Post()).Status);
        }

        Assert.Equal(1, _endpoint.MetadataRequests);
    }

    [Fact]
    public async Task ActivitiesArrivingWhileTheEndpointHangsShareOneFetchThatTheTimeoutEnds()
    {
        _options.MetadataFetchTimeout = TimeSpan.FromSeconds(3);
        _endpoint.Hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var posts = Enumerable.Range(0, 4).Select(_ => Post()).ToList();
        await _endpoint.MetadataRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Give the other three a chance to start a fetch of their own, which they must not.
        await Task.Delay(100);
        _time.Advance(TimeSpan.FromSeconds(3));
        // Without a timeout the posts would wait for the endpoint; the guard only turns a hang into a failure.
        var outcomes = await Task.WhenAll(posts).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(outcomes, o => Assert.Equal(StatusCodes.Status503ServiceUnavailable, o.Status));
        Assert.Equal(1, _endpoint.MetadataRequests);
    }

    [Fact]
    public async Task TheLastGoodKeysAreUsedWhileTheEndpointIsDownForUpToFiveDays()
    {
        Assert.Equal(StatusCodes.Status200OK, (await Post()).Status);
        _endpoint.Down = true;

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(StatusCodes.Status200OK, (await Post()).Status);

        _time.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, (await Post()).Status);
    }

    [Fact]
    public async Task AnUnknownKidDuringAnOutageIsUnauthorizedRatherThanAnError()
    {
        Assert.Equal(StatusCodes.Status200OK, (await Post()).Status);
        _endpoint.Down = true;

        Assert.Equal(StatusCodes.Status401Unauthorized, (await Post(Token(UnpublishedKey))).Status);
    }

    [Fact]
    public async Task TheKeysAreFetchedAgainOnceTheRetryAfterHasPassed()
    {
        _endpoint.Down = true;
        var (_, retryAfter) = await Post();
        _endpoint.Down = false;

        _time.Advance(TimeSpan.FromSeconds(int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(StatusCodes.Status200OK, (await Post()).Status);
        Assert.Equal(2, _endpoint.MetadataRequests);
    }
}
