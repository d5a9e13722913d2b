namespace Leitbild.Teams.Bot.Authentication;

/// <summary>How inbound requests to the messaging endpoint are authenticated.</summary>
public sealed class BotAuthenticationOptions
{
    public const string BotFrameworkOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The only channel this bot serves; activities claiming any other are refused outside local mode.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>The bot's Entra app id (token audience). Empty = local mode: unauthenticated, loopback callers only.</summary>
    public string? AppId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadata;

    public string Issuer { get; set; } = BotFrameworkIssuer;

    /// <summary>Signing keys are fetched again after this long even when every kid is known (DESIGN: at least daily).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown kid triggers a refresh, but not more often than this, so bad tokens cannot hammer the key endpoint.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One fetch of the metadata or the JWKS is given up after this long, well within Teams' 15 s.</summary>
    public TimeSpan MetadataFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed fetch no new one starts for this long; inbound activities get 503 with Retry-After meanwhile.</summary>
    public TimeSpan MetadataRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While the endpoint is down, the last keys fetched keep being used for this long (keys roll over rarely).</summary>
    public TimeSpan LastGoodKeysMaxAge { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
