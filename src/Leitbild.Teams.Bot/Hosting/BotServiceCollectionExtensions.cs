using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.RateLimiting;
using Leitbild.Teams.Bot.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leitbild.Teams.Bot.Hosting;

/// <summary>A feature's contribution to the routing table (see <see cref="BotServiceCollectionExtensions.AddBotRoutes"/>).</summary>
public sealed record BotRouteRegistration(Action<BotRoutes> Configure);

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The protocol services: authentication, routing, connector client with the Teams rate limiter, broadcasts.
    /// The host supplies the stores (<see cref="IProcessedActivityStore"/>, <see cref="IConversationReferenceStore"/>,
    /// <see cref="IBroadcastStore"/>) and, outside local mode, an <see cref="IConnectorTokenProvider"/>.
    /// </summary>
    public static IServiceCollection AddTeamsBotProtocol(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Local mode (no app id) unless the host registers its own BotAuthenticationOptions first.
        services.TryAddSingleton(new BotAuthenticationOptions());
        services.TryAddSingleton(new BotEndpointOptions());
        services.TryAddSingleton<IRepeatedActivityReply, StatusOnlyRepeatedActivityReply>();
        services.TryAddSingleton(new ConnectorOptions());
        services.TryAddSingleton(new TeamsRateLimits());
        services.TryAddSingleton(new BroadcastOptions());
        services.TryAddSingleton<TeamsRateLimiter>();
        services.TryAddSingleton<IConnectorTokenProvider, NoConnectorToken>();

        services.AddHttpClient(nameof(EndorsedSigningKeys));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<EndorsedSigningKeys>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(EndorsedSigningKeys))));
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<BotRequestAuthenticator>();

        services.AddHttpClient(nameof(ConnectorClient));
        services.TryAddSingleton<IConnectorClient>(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient))));

        services.AddSingleton(sp =>
        {
            var routes = new BotRoutes();
            foreach (var registration in sp.GetServices<BotRouteRegistration>())
            {
                registration.Configure(routes);
            }
            return routes;
        });
        services.AddSingleton<ActivityDispatcher>();
        services.AddSingleton<BotRequestProcessor>();

        services.AddSingleton<IBroadcastContent, ActivityBroadcastContent>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<Broadcaster>();
        return services;
    }

    /// <summary>Adds routes (commands, card verbs, dialogs, update handlers) from any feature's own wiring.</summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services, Action<BotRoutes> configure)
    {
        services.AddSingleton(new BotRouteRegistration(configure));
        return services;
    }
}
