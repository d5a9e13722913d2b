using Microsoft.Identity.Client;

namespace Leitbild.Teams.Bot.Connector;

/// <summary>Supplies the bearer token for calls to the connector; null means send no Authorization header.</summary>
public interface IConnectorTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local mode: the Agents Playground's connector takes unauthenticated calls.</summary>
public sealed class NoConnectorToken : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>
/// App-only token by client credentials from the bot's own tenant (single-tenant authority; new multi-tenant bots
/// are no longer created), scope https://api.botframework.com/.default. MSAL keeps the token in its app token
/// cache and only goes back to Entra shortly before it expires.
/// </summary>
public sealed class MsalConnectorTokenProvider(IConfidentialClientApplication application) : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    public const string PublicCloudInstance = "https://login.microsoftonline.com/";

    /// <param name="instance">The Entra authority host; another than the public cloud's for sovereign clouds.</param>
    public static IConfidentialClientApplication CreateApplication(string tenantId, string clientId, string clientSecret, IMsalHttpClientFactory? httpClientFactory = null, string instance = PublicCloudInstance)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(clientId).WithClientSecret(clientSecret);
        builder = string.Equals(instance.TrimEnd('/'), PublicCloudInstance.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? builder.WithAuthority(AzureCloudInstance.AzurePublic, tenantId)
            : builder.WithAuthority($"{instance.TrimEnd('/')}/{tenantId}", validateAuthority: false).WithInstanceDiscovery(false);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory).WithInstanceDiscovery(false);
        }
        return builder.Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
