using System.Collections.Concurrent;
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
    BotEndpointOptions options,
    TimeProvider time,
    ILogger<BotRequestProcessor> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TurnResult>>> _inFlight = new(StringComparer.Ordinal);

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
        var key = IdempotencyKey(activity);
        if (key is null)
        {
            return await RunTurnAsync(activity, services, null, cancellationToken);
        }
        if (await processed.FindAsync(key, cancellationToken) is { } earlier)
        {
            LogDuplicate(logger, activity.Type);
            return new TurnResult(earlier.Status, earlier.Body);
        }
        // A retry that arrives while the first attempt still runs waits for the same result.
        var lazy = new Lazy<Task<TurnResult>>(() => RunTurnAsync(activity, services, key, cancellationToken));
        var running = _inFlight.GetOrAdd(key, lazy);
        try
        {
            return await running.Value;
        }
        finally
        {
            if (ReferenceEquals(running, lazy))
            {
                _inFlight.TryRemove(key, out _);
            }
        }
    }

    private async Task<TurnResult> RunTurnAsync(Activity activity, IServiceProvider services, string? key, CancellationToken cancellationToken)
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
        if (key is not null)
        {
            await processed.RecordAsync(new ProcessedActivity(key, result.Status, result.Body, time.GetUtcNow()), cancellationToken);
        }
        return result;
    }

    // Teams activity ids are unique within a conversation, not across conversations.
    private static string? IdempotencyKey(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? null : $"{activity.Conversation?.Id}|{activity.Id}";

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
