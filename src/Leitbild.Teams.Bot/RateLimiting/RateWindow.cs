namespace Leitbild.Teams.Bot.RateLimiting;

/// <summary>At most <see cref="Limit"/> operations in any window of length <see cref="Span"/>.</summary>
public sealed record RateWindow(TimeSpan Span, int Limit);

/// <summary>
/// Teams' documented limits for a bot: per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h; per app and tenant 50/s.
/// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
/// </summary>
public sealed class TeamsRateLimits
{
    public IReadOnlyList<RateWindow> PerConversation { get; init; } =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];

    public IReadOnlyList<RateWindow> PerTenant { get; init; } = [new(TimeSpan.FromSeconds(1), 50)];

    /// <summary>
    /// Added to every window: requests do not arrive exactly when they leave (network, thread pool), so pacing to
    /// the exact limit would let two batches land in one of Teams' windows now and then. 50 ms costs 5 % of the rate.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromMilliseconds(50);
}
