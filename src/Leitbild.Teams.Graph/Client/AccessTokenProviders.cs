using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Leitbild.Teams.Graph.Client;

/// <summary>A fixed token, for the Graph simulator (which accepts any bearer token) in tests and benchmarks.</summary>
public sealed class StaticAccessTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(token);
}

/// <summary>
/// App-only Graph tokens from Microsoft.Identity.Web (client credentials, scope https://graph.microsoft.com/.default),
/// fed into Kiota; AddMicrosoftGraph() is not available from our package feed. Tokens go only to the Graph host.
/// </summary>
public sealed class EntraAccessTokenProvider(ITokenAcquirer tokenAcquirer, Uri graphBaseUrl) : IAccessTokenProvider
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return string.Empty;
        }
        var result = await tokenAcquirer.GetTokenForAppAsync(GraphScope, cancellationToken: cancellationToken);
        return result.AccessToken ?? throw new InvalidOperationException("Microsoft Entra returned no access token.");
    }
}
