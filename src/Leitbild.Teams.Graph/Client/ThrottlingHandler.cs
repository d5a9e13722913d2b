using System.Net;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.Graph.Client;

/// <summary>
/// Retries requests Graph throttled, waiting as long as it asks (the larger of Retry-After and RateLimit-Reset; without
/// either, exponential backoff with jitter). 429 means the request was not processed, so every method is retried;
/// 503 only where repeating is harmless (not for POST, whose effect may already exist: the caller checks first,
/// unless the caller marks it <see cref="RetrySafePost"/>).
/// When a successful answer says the budget is used up (RateLimit-Remaining: 0), later requests wait for the reset
/// instead of running into 429. Replaces Kiota's RetryHandler, which knows nothing of RateLimit-Reset.
/// </summary>
public sealed partial class ThrottlingHandler(TimeProvider time, ILogger logger, int maxAttempts = 5, TimeSpan? maxDelay = null) : DelegatingHandler
{
    private static readonly TimeSpan BaseBackoff = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxDelay = maxDelay ?? TimeSpan.FromMinutes(2);
    private readonly Lock _gate = new();
    private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHeaders = request.Content?.Headers.ToList();
        for (var attempt = 1; ; attempt++)
        {
            await WaitForBudgetAsync(cancellationToken);
            if (attempt > 1 && body is not null)
            {
                // The first send consumed the content; send the same bytes again.
                request.Content = new ByteArrayContent(body);
                foreach (var header in contentHeaders!)
                {
                    request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
            var response = await base.SendAsync(request, cancellationToken);
            var now = time.GetUtcNow();
            if (ThrottleDelay.PauseBeforeNext(response.Headers) is { } pause)
            {
                PauseUntil(now + Cap(pause));
            }
            if (!ShouldRetry(request.Method, response.StatusCode, RetrySafePost.IsMarked(request)) || attempt >= maxAttempts)
            {
                return response;
            }
            var delay = Cap(ThrottleDelay.FromHeaders(response.Headers, now) ?? Backoff(attempt));
            LogThrottled(logger, (int)response.StatusCode, request.Method.Method, delay.TotalMilliseconds, attempt);
            PauseUntil(now + delay);
            response.Dispose();
        }
    }

    internal static bool ShouldRetry(HttpMethod method, HttpStatusCode status, bool retrySafePost = false) =>
        status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.ServiceUnavailable && (method != HttpMethod.Post || retrySafePost));

    private async Task WaitForBudgetAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset resumeAt;
        lock (_gate)
        {
            resumeAt = _resumeAt;
        }
        var wait = resumeAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _resumeAt)
            {
                _resumeAt = until;
            }
        }
    }

    private TimeSpan Cap(TimeSpan delay) => delay > _maxDelay ? _maxDelay : delay;

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4));

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph answered {Status} to {Method}; waiting {DelayMs} ms before attempt {Attempt} is repeated")]
    private static partial void LogThrottled(ILogger logger, int status, string method, double delayMs, int attempt);
}
