using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.Bot.Hosting;

/// <summary>
/// The messaging endpoint's one entry (the SDK's CloudAdapter.ProcessAsync): size limit (413), parse (400 without
/// a type), authenticate (401/403, 503 with Retry-After while the signing keys are unavailable), de-duplicate by activity id, dispatch, and write the invoke response.
/// </summary>
public sealed partial class BotRequestProcessor(
    ActivityDispatcher dispatcher,
    BotRequestAuthenticator authenticator,
    IConnectorClient connector,
    IProcessedActivityStore processed,
    IRepeatedActivityReply repeatedReply,
    BotEndpointOptions options,
    TimeProvider time,
    ILogger<BotRequestProcessor> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TurnResult>>> _inFlight = new(StringComparer.Ordinal);
    private readonly RecentTurnResults _recent = new(options.RetryWindow, time);

    private sealed record TurnResult(int Status, string? Body);

    /// <summary>
    /// Handles one POST. <paramref name="processingToken"/> is the host's stopping token, not the request's: when
    /// Teams gives up waiting, the turn still completes and is recorded, so the retry finds its answer.
    /// </summary>
    public async Task ProcessAsync(HttpContext context, CancellationToken processingToken)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Anfrage zu groß / request body too large");
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Aktivität ohne type / activity has no type");
            return;
        }

        var outcome = await authenticator.AuthenticateAsync(context, activity, processingToken);
        if (!outcome.Allowed)
        {
            LogRejected(logger, outcome.Status, outcome.Reason ?? "unknown");
            context.Response.StatusCode = outcome.Status;
            if (outcome.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return;
        }

        var result = await RunOnceAsync(activity, context.RequestServices, processingToken);
        context.Response.StatusCode = result.Status;
        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(result.Body, processingToken);
        }
    }

    private async Task<TurnResult> RunOnceAsync(Activity activity, IServiceProvider services, CancellationToken cancellationToken)
    {
        var digest = IdempotencyDigest(activity);
        if (digest is null)
        {
            return await RunTurnAsync(activity, services, null, cancellationToken);
        }
        if (_recent.TryGet(digest, out var status, out var body))
        {
            LogDuplicate(logger, activity.Type);
            return new TurnResult(status, body);
        }
        // A retry that arrives while the first attempt still runs waits for the same result.
        var lazy = new Lazy<Task<TurnResult>>(() => RunOrRecallAsync(activity, services, digest, cancellationToken));
        var running = _inFlight.GetOrAdd(digest, lazy);
        try
        {
            return await running.Value;
        }
        finally
        {
            if (ReferenceEquals(running, lazy))
            {
                _inFlight.TryRemove(digest, out _);
            }
        }
    }

    /// <summary>Runs the turn unless the record says it already ran (in another process): then only the status is known.</summary>
    private async Task<TurnResult> RunOrRecallAsync(Activity activity, IServiceProvider services, string digest, CancellationToken cancellationToken)
    {
        if (await processed.FindAsync(digest, cancellationToken) is { } earlier)
        {
            LogDuplicate(logger, activity.Type);
            if (!activity.IsType(ActivityTypes.Invoke))
            {
                return new TurnResult(StatusCodes.Status200OK, null);
            }
            var reply = repeatedReply.ForInvoke(activity, earlier.Status);
            return new TurnResult(reply.Status, reply.Body is null ? null : JsonSerializer.Serialize(reply.Body, reply.Body.GetType(), BotJson.Options));
        }
        return await RunTurnAsync(activity, services, digest, cancellationToken);
    }

    private async Task<TurnResult> RunTurnAsync(Activity activity, IServiceProvider services, string? digest, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, services, connector);
        var invoke = await dispatcher.DispatchAsync(turn, cancellationToken);
        TurnResult result;
        if (activity.IsType(ActivityTypes.Invoke))
        {
            invoke ??= new InvokeResponse(StatusCodes.Status501NotImplemented, null);
            result = new TurnResult(invoke.Status, invoke.Body is null ? null : JsonSerializer.Serialize(invoke.Body, invoke.Body.GetType(), BotJson.Options));
        }
        else if (turn.BufferedReplies is { } replies)
        {
            result = new TurnResult(StatusCodes.Status200OK, JsonSerializer.Serialize(new ExpectedReplies { Activities = replies }, BotJson.Options));
        }
        else
        {
            result = new TurnResult(StatusCodes.Status200OK, null);
        }
        if (digest is not null)
        {
            _recent.Add(digest, result.Status, result.Body);
            await processed.RecordAsync(new ProcessedActivity(digest, result.Status, time.GetUtcNow()), cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// Teams activity ids are unique within a conversation, not across conversations. Only a digest is kept: it
    /// cannot be computed back from a conversation id alone, because the activity id is stored nowhere else.
    /// </summary>
    internal static string? IdempotencyDigest(Activity activity) =>
        string.IsNullOrEmpty(activity.Id)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.Conversation?.Id}|{activity.Id}")));

    /// <summary>The body, or null when it is larger than allowed.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var limit = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return null;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }
        try
        {
            using var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)length : 4096);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { status, title = detail }, BotJson.Options));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an inbound activity with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered a repeated {ActivityType} activity from the record")]
    private static partial void LogDuplicate(ILogger logger, string? activityType);
}
