using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.Bot.RateLimiting;
using Leitbild.Teams.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.Bot.Connector;

/// <summary>
/// Bot Connector v3 REST client. Each attempt first takes a slot from the <see cref="TeamsRateLimiter"/>.
/// 429 waits for Retry-After (or backs off); 412, 502, 503, 504 and failed connections back off exponentially with
/// jitter; attempts are bounded; a timeout is not retried (the message may have arrived, a retry could duplicate it); 403 MessageWritesBlocked means the person blocked or removed the app and is
/// not retried. https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
/// </summary>
public sealed partial class ConnectorClient(
    HttpClient http,
    IConnectorTokenProvider tokens,
    TeamsRateLimiter limiter,
    ConnectorOptions options,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private static readonly HashSet<string> UnreachableCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "MessageWritesBlocked", "ConversationBlockedByUser", "BotDisabledByAdmin",
    };

    public Task<ResourceResponse> SendAsync(ConversationReference target, Activity activity, CancellationToken cancellationToken) =>
        activity.ReplyToId is { Length: > 0 } replyTo
            ? ReplyAsync(target, replyTo, activity, cancellationToken)
            : CallAsync<ResourceResponse>(HttpMethod.Post, target, $"v3/conversations/{Escape(ConversationId(target))}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(ConversationReference target, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, target, $"v3/conversations/{Escape(ConversationId(target))}/activities/{Escape(replyToId)}", activity, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(ConversationReference target, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, target, $"v3/conversations/{Escape(ConversationId(target))}/activities/{Escape(activityId)}", activity with { Id = activityId }, cancellationToken);

    public Task DeleteAsync(ConversationReference target, string activityId, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(HttpMethod.Delete, target, $"v3/conversations/{Escape(ConversationId(target))}/activities/{Escape(activityId)}", null, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, string tenantId, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var body = parameters with
        {
            TenantId = parameters.TenantId ?? tenantId,
            ChannelData = parameters.ChannelData ?? new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        };
        // Creating a conversation has no conversation yet: it counts against the tenant only.
        var target = new ConversationReference { ServiceUrl = serviceUrl, TenantId = tenantId };
        return CallAsync<ConversationResourceResponse>(HttpMethod.Post, target, "v3/conversations", body, cancellationToken);
    }

    private async Task<T> CallAsync<T>(HttpMethod method, ConversationReference target, string path, object? body, CancellationToken cancellationToken)
        where T : class, new()
    {
        var serviceUrl = target.ServiceUrl ?? throw new ArgumentException("The conversation reference has no serviceUrl.", nameof(target));
        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        var conversationId = target.Conversation?.Id;
        for (var attempt = 1; ; attempt++)
        {
            await limiter.AcquireAsync(target.TenantId, conversationId, cancellationToken);
            var token = await tokens.GetTokenAsync(cancellationToken);

            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(method, uri, body, token);
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
            {
                // The request never left: safe to try again.
                if (attempt >= options.MaxAttempts)
                {
                    throw new ConnectorException(HttpStatusCode.ServiceUnavailable, "Unreachable", $"The connector could not be reached after {attempt} attempts.");
                }
                LogTransportRetry(logger, method.Method, attempt, e.HttpRequestError.ToString());
                await Task.Delay(Backoff(attempt), time, cancellationToken);
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The request may have arrived (timeout, connection lost while waiting): retrying could post a
                // message twice, so the call fails and the caller reports it instead.
                throw new ConnectorException(HttpStatusCode.GatewayTimeout, "OutcomeUnknown", $"No answer from the connector to {method.Method}; it may or may not have been applied.");
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                        ? new T()
                        : await ReadOrEmptyAsync<T>(response);
                }

                var error = await ReadErrorAsync(response);
                var status = response.StatusCode;
                if (status == HttpStatusCode.Forbidden && error?.Code is { } code && UnreachableCodes.Contains(code))
                {
                    throw new RecipientUnreachableException(status, code);
                }
                if (!IsTransient(status) || attempt >= options.MaxAttempts)
                {
                    throw new ConnectorException(status, error?.Code, $"The connector answered {(int)status} {error?.Code} to {method.Method} after {attempt} attempt(s).");
                }
                var delay = status == HttpStatusCode.TooManyRequests || response.Headers.RetryAfter is not null
                    ? RetryAfter(response) ?? Backoff(attempt)
                    : Backoff(attempt);
                if (delay > options.MaxRetryAfter)
                {
                    throw new ConnectorException(status, error?.Code, $"The connector asked to wait {delay.TotalSeconds:0} s; not waiting that long.");
                }
                LogRetry(logger, method.Method, (int)status, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    // The request itself is not tied to the caller's token: a message in flight is either delivered or not, never half-cancelled.
    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, object? body, string? token)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options);
        }
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        return await http.SendAsync(request, timeout.Token);
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    // Exponential backoff with "equal jitter": half fixed, half random, so retries of many callers spread out.
    private TimeSpan Backoff(int attempt)
    {
        var exponential = Math.Min(options.MaxBackoff.Ticks, options.BaseBackoff.Ticks * (1L << Math.Min(attempt - 1, 20)));
        return TimeSpan.FromTicks((long)(exponential / 2 + exponential / 2 * options.Jitter()));
    }

    private static async Task<T> ReadOrEmptyAsync<T>(HttpResponseMessage response) where T : class, new()
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(BotJson.Options) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    /// <summary>
    /// Reads the error code from either shape the connector uses: the Bot Framework's {"error":{"code"}} or Teams'
    /// {"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"} (documented under "Understand who
    /// blocked, muted, or uninstalled a bot", https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
    /// </summary>
    internal static ErrorDetail? ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return error.Deserialize<ErrorDetail>(BotJson.Options);
            }
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                var text = message.GetString() ?? "";
                var subCode = TryReadSubCode(text);
                return new ErrorDetail { Code = subCode ?? (root.TryGetProperty("errorCode", out var code) ? code.ToString() : null), Message = text };
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TryReadSubCode(string message)
    {
        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object && inner.RootElement.TryGetProperty("subCode", out var subCode)
                ? subCode.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ErrorDetail?> ReadErrorAsync(HttpResponseMessage response) =>
        ParseError(await response.Content.ReadAsStringAsync());

    private static string ConversationId(ConversationReference target) =>
        target.Conversation?.Id ?? throw new ArgumentException("The conversation reference has no conversation id.", nameof(target));

    private static string Escape(string value) => Uri.EscapeDataString(value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} answered {Status} (attempt {Attempt}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} failed with {Error} (attempt {Attempt}); retrying")]
    private static partial void LogTransportRetry(ILogger logger, string method, int attempt, string error);
}
