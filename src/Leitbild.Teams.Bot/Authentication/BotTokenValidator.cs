using Leitbild.Teams.Bot.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.Bot.Authentication;

/// <summary>
/// The result of checking one inbound request: allowed, or the status (401/403, 503 with a Retry-After when the
/// signing keys are unavailable) and a reason for the log.
/// </summary>
public sealed record AuthenticationOutcome(bool Allowed, int Status, string? Reason, TimeSpan? RetryAfter = null)
{
    public static readonly AuthenticationOutcome Allow = new(true, StatusCodes.Status200OK, null);
    public static AuthenticationOutcome Unauthorized(string reason) => new(false, StatusCodes.Status401Unauthorized, reason);
    public static AuthenticationOutcome Forbidden(string reason) => new(false, StatusCodes.Status403Forbidden, reason);
    public static AuthenticationOutcome Unavailable(TimeSpan retryAfter) =>
        new(false, StatusCodes.Status503ServiceUnavailable, "signing keys unavailable", retryAfter);
}

/// <summary>
/// Validates the Bot Framework's bearer token on an inbound activity: issuer, audience (the bot's app id),
/// RS256/384/512 with a published key, lifetime with 5 minutes skew, the key endorsed for the activity's
/// channelId (which must be <c>msteams</c>), and the <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
/// </summary>
public sealed class BotTokenValidator(EndorsedSigningKeys keys, BotAuthenticationOptions options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationOutcome> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Unauthorized("no bearer token");
        }
        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return AuthenticationOutcome.Unauthorized("token is not a JWT");
        }

        var kid = _handler.ReadJsonWebToken(token).Kid;
        SigningKeySet set;
        try
        {
            set = await keys.GetAsync(cancellationToken);
            if (kid is not null && !set.Keys.ContainsKey(kid))
            {
                set = await keys.RefreshForUnknownKeyAsync(cancellationToken);
            }
        }
        catch (SigningKeysUnavailableException e)
        {
            return AuthenticationOutcome.Unavailable(e.RetryAfter);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = set.Keys.Values.Select(k => (SecurityKey)k.Key).ToList(),
            ValidAlgorithms = set.Algorithms,
            ClockSkew = options.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = (notBefore, expires, _, p) => IsWithinLifetime(notBefore, expires, p.ClockSkew),
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return AuthenticationOutcome.Unauthorized(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (!string.Equals(activity.ChannelId, BotAuthenticationOptions.TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Forbidden("the activity's channel is not msteams");
        }
        // The key must be endorsed for the channel the activity claims to come from (msteams).
        if (jwt.Kid is null || !set.Keys.TryGetValue(jwt.Kid, out var signingKey)
            || activity.ChannelId is null || !signingKey.Endorsements.Contains(activity.ChannelId))
        {
            return AuthenticationOutcome.Forbidden("signing key is not endorsed for the activity's channel");
        }
        var serviceUrl = jwt.TryGetClaim("serviceurl", out var claim) ? claim.Value : null;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Forbidden("serviceurl claim does not match the activity");
        }
        return AuthenticationOutcome.Allow;
    }

    // Our own lifetime check so the time comes from the TimeProvider (tests freeze or move it).
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return false;
        }
        if (notBefore is { } nbf && nbf.ToUniversalTime() > now + skew)
        {
            return false;
        }
        return expires.Value.ToUniversalTime() >= now - skew;
    }
}
