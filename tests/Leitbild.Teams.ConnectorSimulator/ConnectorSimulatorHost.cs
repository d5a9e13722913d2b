using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.ConnectorSimulator;

/// <summary>One call the simulator accepted or refused, stamped with the simulated time of arrival.</summary>
public sealed record SimulatedCall(string Method, string Path, string? ConversationId, DateTimeOffset At, int Status, string? Body);

/// <summary>
/// A Bot Connector v3 simulator on 127.0.0.1:0: send, reply, update, delete and create conversation, with the
/// shapes of https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference.
/// Calls over Teams' limits get 429 with Retry-After; conversations in <see cref="Blocked"/> answer
/// 403 MessageWritesBlocked like a person who blocked the app.
/// </summary>
public sealed class ConnectorSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private int _inFlight;
    private long _ids;

    private ConnectorSimulatorHost(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public string ServiceUrl { get; private set; } = "";

    public TeamsLimitChecker Limits { get; } = new();

    public ConcurrentQueue<SimulatedCall> Calls { get; } = new();

    public ConcurrentDictionary<string, bool> Blocked { get; } = new();

    /// <summary>
    /// When set, a 1:1 conversation is created only for members (by aadObjectId) the app is installed for, as in
    /// Teams; others get 403 BotNotInConversationRoster (status codes table of
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
    /// </summary>
    public Func<string, bool>? IsInstalledFor { get; set; }

    /// <summary>Requests being handled right now (the time driver waits for zero before moving time).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public int TooManyRequests => Calls.Count(c => c.Status == 429);

    public DateTime LastArrival { get; private set; } = DateTime.UtcNow;

    public static async Task<ConnectorSimulatorHost> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var host = new ConnectorSimulatorHost(app, time);
        host.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.ServiceUrl = address.TrimEnd('/') + "/";
        return host;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("v3/conversations", (HttpContext c, CancellationToken _) => HandleAsync(c, null, created: true));
        app.MapPost("v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => HandleAsync(c, conversationId));
        app.MapPost("v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId) => HandleAsync(c, conversationId));
        app.MapPut("v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => HandleAsync(c, conversationId, activityId: activityId));
        app.MapDelete("v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId) => HandleAsync(c, conversationId, deleted: true));
    }

    private async Task<IResult> HandleAsync(HttpContext context, string? conversationId, bool created = false, string? activityId = null, bool deleted = false)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            LastArrival = DateTime.UtcNow;
            var now = _time.GetUtcNow();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var path = context.Request.Path.Value ?? "";
            if (!Limits.TryAccept(conversationId, now))
            {
                Calls.Enqueue(new SimulatedCall(context.Request.Method, path, conversationId, now, 429, body));
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = "TooManyRequests", message = "Rate limit exceeded" } }, statusCode: 429);
            }
            if (conversationId is not null && Blocked.ContainsKey(conversationId))
            {
                Calls.Enqueue(new SimulatedCall(context.Request.Method, path, conversationId, now, 403, body));
                // The body Teams sends, as documented in "Understand who blocked, muted, or uninstalled a bot",
                // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
                return Results.Text("{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": \\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\",\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}",
                    "application/json; charset=utf-8", statusCode: 403);
            }
            if (created)
            {
                // The same member always gets the same 1:1 conversation, as in Teams.
                var first = JsonNode.Parse(body)?["members"]?[0];
                var member = first?["id"]?.GetValue<string>() ?? "unknown";
                var aadObjectId = first?["aadObjectId"]?.GetValue<string>() ?? member;
                if (IsInstalledFor is { } installed && !installed(aadObjectId))
                {
                    Calls.Enqueue(new SimulatedCall("POST", path, null, now, 403, body));
                    return Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot isn't part of the conversation roster." } }, statusCode: 403);
                }
                var id = "a:" + member;
                Calls.Enqueue(new SimulatedCall("POST", path, id, now, 201, body));
                return Results.Json(new { id }, statusCode: 201);
            }
            var status = deleted ? 200 : 201;
            Calls.Enqueue(new SimulatedCall(context.Request.Method, path, conversationId, now, status, body));
            if (deleted)
            {
                return Results.Ok();
            }
            return Results.Json(new { id = activityId ?? Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                statusCode: activityId is null ? (int)HttpStatusCode.Created : (int)HttpStatusCode.OK);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
