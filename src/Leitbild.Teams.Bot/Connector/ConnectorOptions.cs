namespace Leitbild.Teams.Bot.Connector;

/// <summary>Retry behaviour of the connector client.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Attempts per call, the first included. Bounded so a broken service cannot hold a caller forever.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff step; doubles each attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call fails instead of blocking a turn for minutes.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Source of jitter in [0, 1); replaceable so tests are deterministic.</summary>
    public Func<double> Jitter { get; set; } = Random.Shared.NextDouble;
}
