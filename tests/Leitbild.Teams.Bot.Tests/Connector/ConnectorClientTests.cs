using System.Net;
using System.Text.Json;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.RateLimiting;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Bot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Bot.Tests.Connector;

public class ConnectorClientTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));

    private static readonly ConversationReference Target = new()
    {
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        TenantId = "tenant-1",
        Conversation = new ConversationAccount { Id = "a:conv/1" },
    };

    private sealed class FixedToken(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }

    private ConnectorClient Client(ScriptedHttpHandler handler, IConnectorTokenProvider? tokens = null, int maxAttempts = 5) => new(
        new HttpClient(handler),
        tokens ?? new FixedToken("token-123"),
        new TeamsRateLimiter(_time),
        new ConnectorOptions { MaxAttempts = maxAttempts, Jitter = () => 0.5 },
        _time,
        NullLogger<ConnectorClient>.Instance);

    private static HttpResponseMessage Status(HttpStatusCode status, string body = "{}") => ScriptedHttpHandler.Json(status, body);

    [Fact]
    public async Task SendPostsTheActivityToTheConversationWithTheBearerToken()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.Created, """{"id":"1:abc"}""");

        var response = await Client(handler).SendAsync(Target, new Activity { Type = "message", Text = "Hallo" }, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("1:abc", response.Id);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3Aconv%2F1/activities", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer token-123", request.Authorization);
        Assert.Equal("Hallo", JsonDocument.Parse(request.Body!).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReplyUpdateAndDeleteUseTheirDocumentedRoutes()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.OK, """{"id":"m7"}""");
        var client = Client(handler);

        await client.ReplyAsync(Target, "m1", new Activity { Type = "message", Text = "r" }, CancellationToken.None);
        await client.UpdateAsync(Target, "m7", new Activity { Type = "message", Text = "u" }, CancellationToken.None);
        await client.DeleteAsync(Target, "m7", CancellationToken.None);

        var requests = handler.Requests.ToArray();
        Assert.Equal((HttpMethod.Post, "/emea/v3/conversations/a%3Aconv%2F1/activities/m1"), (requests[0].Method, requests[0].Uri.AbsolutePath));
        Assert.Equal((HttpMethod.Put, "/emea/v3/conversations/a%3Aconv%2F1/activities/m7"), (requests[1].Method, requests[1].Uri.AbsolutePath));
        Assert.Equal("m7", JsonDocument.Parse(requests[1].Body!).RootElement.GetProperty("id").GetString());
        Assert.Equal((HttpMethod.Delete, "/emea/v3/conversations/a%3Aconv%2F1/activities/m7"), (requests[2].Method, requests[2].Uri.AbsolutePath));
    }

    [Fact]
    public async Task CreatingA1to1ConversationSendsBotMemberAndTenant()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.Created, """{"id":"a:new"}""");

        var created = await Client(handler).CreateConversationAsync("https://smba.trafficmanager.net/emea/", "tenant-1", new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:person" }],
        }, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("a:new", created.Id);
        Assert.Equal("/emea/v3/conversations", request.Uri.AbsolutePath);
        Assert.Equal("28:bot", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:person", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task WithoutATokenNoAuthorizationHeaderIsSent()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.Created);

        await Client(handler, new NoConnectorToken()).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None);

        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task A429IsRetriedAfterTheRetryAfterTheServiceAsksFor()
    {
        var handler = ScriptedHttpHandler.Sequence(
            () => { var r = Status(HttpStatusCode.TooManyRequests); r.Headers.RetryAfter = new(TimeSpan.FromSeconds(3)); return r; },
            () => Status(HttpStatusCode.Created, """{"id":"ok"}"""));
        var send = Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None);

        await Task.Delay(50);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(50);
        Assert.Equal(1, handler.Count);
        Assert.False(send.IsCompleted);

        var response = await FakeTimeDriver.RunAsync(_time, send, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
        Assert.Equal("ok", response.Id);
        Assert.Equal(2, handler.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientFailuresAreRetriedWithBackoff(HttpStatusCode status)
    {
        var handler = ScriptedHttpHandler.Sequence(() => Status(status), () => Status(status), () => Status(HttpStatusCode.Created, """{"id":"ok"}"""));
        var send = Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None);

        var response = await FakeTimeDriver.RunAsync(_time, send, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        Assert.Equal("ok", response.Id);
        Assert.Equal(3, handler.Count);
        // Backoff 1 s then 2 s, each with half of it jittered (jitter fixed at 0.5): at least 0.75 s + 1.5 s passed.
        Assert.True(_time.GetUtcNow() - new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero) >= TimeSpan.FromSeconds(2.25));
    }

    [Fact]
    public async Task AttemptsAreBounded()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.ServiceUnavailable);
        var send = Client(handler, maxAttempts: 4).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => FakeTimeDriver.RunAsync(_time, send, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(4, handler.Count);
    }

    [Fact]
    public async Task ABlockedRecipientIsUnreachableAndNotRetried()
    {
        // Teams answers 403 with subCode MessageWritesBlocked when the person blocked or removed the app; body copied from
        // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.Forbidden,
            """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""");

        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(() =>
            Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None));

        Assert.Equal("MessageWritesBlocked", error.Code);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task ABadRequestIsNotRetried()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.BadRequest, """{"error":{"code":"BadSyntax","message":"x"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None));

        Assert.Equal("BadSyntax", error.Code);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task AFailedConnectionIsRetriedLikeATransientStatus()
    {
        var handler = new ScriptedHttpHandler((_, n) => n == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : Status(HttpStatusCode.Created, """{"id":"ok"}"""));
        var send = Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None);

        var response = await FakeTimeDriver.RunAsync(_time, send, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        Assert.Equal("ok", response.Id);
    }

    [Fact]
    public async Task ATimeoutIsNotRetriedBecauseTheMessageMayHaveArrived()
    {
        var handler = new ScriptedHttpHandler((_, _) => throw new TaskCanceledException("timeout"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None));

        Assert.Equal("OutcomeUnknown", error.Code);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task TheBotFrameworkErrorShapeIsReadToo()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.Forbidden, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");

        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(() => Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None));

        Assert.Equal("ConversationBlockedByUser", error.Code);
    }

    [Fact]
    public async Task AnotherForbiddenIsAFailureNotAnUnreachablePerson()
    {
        var handler = ScriptedHttpHandler.Always(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"x"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(handler).SendAsync(Target, new Activity { Type = "message" }, CancellationToken.None));

        Assert.IsNotType<RecipientUnreachableException>(error);
        Assert.Equal(1, handler.Count);
    }
}
