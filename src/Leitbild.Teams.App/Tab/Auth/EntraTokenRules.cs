using Leitbild.Teams.App.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>
/// What a tab token from Entra must say, derived from the settings: the tenant, the app and the App ID URI that the
/// manifest's <c>webApplicationInfo.resource</c> names (<c>api://&lt;domain of PublicBaseUrl&gt;/&lt;client id&gt;</c>).
/// </summary>
public static class EntraTokenRules
{
    /// <summary>The authority host (<c>Leitbild:Microsoft365:Instance</c>), always with one trailing slash.</summary>
    public static string Instance(LeitbildOptions options) => options.Microsoft365.Instance.TrimEnd('/') + "/";

    public static string AppIdUri(LeitbildOptions options)
    {
        var baseUrl = new Uri(options.PublicBaseUrl ?? throw new InvalidOperationException("Leitbild:PublicBaseUrl is not set."));
        return $"api://{baseUrl.IdnHost}/{options.Microsoft365.ClientId}";
    }

    /// <summary>
    /// A v1 token (the default for a new registration) carries the App ID URI; a v2 token (accessTokenAcceptedVersion 2,
    /// as Microsoft's tab SSO guide sets it) carries the client id. Microsoft's guide names <c>api://&lt;domain&gt;/botid-&lt;client id&gt;</c>
    /// as the App ID URI of an app that is also a bot, as this one is. All three name this one app; nothing else is accepted.
    /// </summary>
    public static IReadOnlyList<string> Audiences(LeitbildOptions options)
    {
        var baseUrl = new Uri(options.PublicBaseUrl!);
        var clientId = options.Microsoft365.ClientId!;
        return [AppIdUri(options), $"api://{baseUrl.IdnHost}/botid-{clientId}", clientId];
    }

    /// <summary>Single tenant: only this tenant's v1 and v2 issuers (v2 on the configured authority host).</summary>
    public static IReadOnlyList<string> Issuers(LeitbildOptions options)
    {
        var tenant = options.Microsoft365.TenantId;
        return [$"https://sts.windows.net/{tenant}/", $"{Instance(options)}{tenant}/v2.0"];
    }

    /// <summary>
    /// Replaces Microsoft.Identity.Web's multi-tenant issuer validator: this app serves one tenant, and an exact match
    /// needs no metadata download for a token from elsewhere.
    /// </summary>
    public static string ValidateIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        if (parameters.ValidIssuers?.Contains(issuer, StringComparer.Ordinal) == true)
        {
            return issuer;
        }
        throw new SecurityTokenInvalidIssuerException("The token was not issued by this app's tenant.") { InvalidIssuer = issuer };
    }
}
