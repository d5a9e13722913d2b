namespace Leitbild.Teams.Bot.Authentication;

/// <summary>How inbound requests to the messaging endpoint are authenticated.</summary>
public sealed class BotAuthenticationOptions
{
    public const string BotFrameworkOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The bot's Entra app id (token audience). Empty = local mode: unauthenticated, loopback callers only.</summary>
    public string? AppId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadata;

    public string Issuer { get; set; } = BotFrameworkIssuer;

    /// <summary>Signing keys are fetched again after this long even when every kid is known (DESIGN: at least daily).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unknown kid triggers a refresh, but not more often than this, so bad tokens cannot hammer the key endpoint.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
