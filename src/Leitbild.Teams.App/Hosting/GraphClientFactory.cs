using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Leitbild.Teams.App.Hosting;

/// <summary>
/// The one GraphServiceClient of the app (SharePoint lists, calendars, directory): app-only Entra tokens, or a fixed
/// token for a loopback simulator. Registered in Microsoft 365 mode only; local mode never resolves it.
/// </summary>
public static class GraphClientFactory
{
    public static IServiceCollection AddGraphClient(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LeitbildOptions>>().Value;
            var baseUrl = options.Microsoft365.GraphBaseUrl is { Length: > 0 } url ? new Uri(url) : null;
            return CreateClient(options, baseUrl, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        return services;
    }

    private static readonly Lock Gate = new();
    private static TokenAcquirerFactory? _factory;

    public static string AppVersion => typeof(GraphClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static GraphServiceClient CreateClient(LeitbildOptions options, Uri? baseUrl, TimeProvider time, ILoggerFactory loggers)
    {
        var url = baseUrl ?? GraphClientSettings.GraphV1;
        // Only the simulator on this machine gets a fixed token; everything else needs Entra.
        IAccessTokenProvider tokens = url.IsLoopback
            ? new StaticAccessTokenProvider("simulator")
            : new EntraAccessTokenProvider(CreateTokenAcquirer(options.Microsoft365), url);
        return LeitbildGraphClient.Create(
            new GraphClientSettings { BaseUrl = url, OrganisationName = options.OrganisationName, AppVersion = AppVersion },
            tokens, time, loggers);
    }

    private static ITokenAcquirer CreateTokenAcquirer(Microsoft365Options m365) =>
        CreateTokenAcquirer(m365, new CredentialDescription { SourceType = CredentialSource.ClientSecret, ClientSecret = m365.ClientSecret });

    /// <summary>App-only tokens with another credential (SharePoint's REST API accepts only a certificate).</summary>
    public static ITokenAcquirer CreateTokenAcquirer(Microsoft365Options m365, CredentialDescription credential)
    {
        lock (Gate)
        {
            if (_factory is null)
            {
                _factory = TokenAcquirerFactory.GetDefaultInstance();
                _factory.Build();
            }
        }
        return _factory.GetTokenAcquirer(
            $"{m365.Instance.TrimEnd('/')}/{m365.TenantId}",
            m365.ClientId!,
            [credential],
            null);
    }
}
