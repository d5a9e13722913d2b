using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace Leitbild.Teams.Graph.Client;

/// <summary>Where Graph is and how we call it; the base URL points at the simulator in tests.</summary>
public sealed record GraphClientSettings
{
    public static readonly Uri GraphV1 = new("https://graph.microsoft.com/v1.0/");

    public Uri BaseUrl { get; init; } = GraphV1;
    public required string OrganisationName { get; init; }
    public required string AppVersion { get; init; }
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Builds the one GraphServiceClient the SharePoint adapter uses: SDK defaults, our throttling and User-Agent.</summary>
public static class LeitbildGraphClient
{
    public static GraphServiceClient Create(GraphClientSettings settings, IAccessTokenProvider tokens, TimeProvider time, ILoggerFactory loggers, HttpMessageHandler? transport = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Where(h => h is not RetryHandler and not Microsoft.Kiota.Http.HttpClientLibrary.Middleware.UserAgentHandler)
            .ToList();
        handlers.Insert(0, new ThrottlingHandler(time, loggers.CreateLogger<ThrottlingHandler>(), settings.MaxAttempts, settings.MaxRetryDelay));
        handlers.Add(new UserAgentHandler(UserAgentHandler.For(settings.OrganisationName, settings.AppVersion)));
        var http = GraphClientFactory.Create(handlers, finalHandler: transport);
        http.Timeout = TimeSpan.FromSeconds(100);
        return new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(tokens), settings.BaseUrl.ToString().TrimEnd('/'));
    }
}
