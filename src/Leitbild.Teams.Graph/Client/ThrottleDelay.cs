using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Leitbild.Teams.Graph.Client;

/// <summary>
/// How long Graph asks us to wait. 429 and 503 carry Retry-After (seconds or an HTTP date); SharePoint also sends
/// RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset (seconds) when an app nears its resource-unit budget.
/// We honour the larger of Retry-After and RateLimit-Reset.
/// https://learn.microsoft.com/graph/throttling and
/// https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
/// </summary>
public static class ThrottleDelay
{
    /// <summary>Status codes Graph uses for "not now": throttled (429), busy (503).</summary>
    public static bool IsThrottled(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>Also used for single $batch steps, whose headers the SDK hands back as response headers.</summary>
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now) =>
        Larger(RetryAfter(headers.RetryAfter, now), RateLimitReset(headers.TryGetValues("RateLimit-Reset", out var values) ? values.FirstOrDefault() : null));

    /// <summary>RateLimit-Remaining of zero on a successful answer: the next request would be throttled.</summary>
    public static TimeSpan? PauseBeforeNext(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("RateLimit-Remaining", out var remaining)
            || !int.TryParse(remaining.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            || left > 0)
        {
            return null;
        }
        return RateLimitReset(headers.TryGetValues("RateLimit-Reset", out var reset) ? reset.FirstOrDefault() : null);
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? value, DateTimeOffset now) => value switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static TimeSpan? RateLimitReset(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;

    private static TimeSpan? Larger(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
