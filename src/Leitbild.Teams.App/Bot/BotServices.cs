using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Graph.Teams;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Bot;

public static class BotServices
{
    /// <summary>
    /// The Teams bot: protocol services from Leitbild.Teams.Bot, SQLite stores, the bot's own routes, and the
    /// broadcast resumer. Other features add their commands and card verbs with <c>services.AddBotRoutes(...)</c>.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        foreach (var migration in BotMigrations.All)
        {
            services.AddSingleton(migration);
        }

        // In Microsoft 365 mode the bot is the Entra app of the whole solution; local mode has no app id.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            return new BotAuthenticationOptions
            {
                AppId = options.Mode == AppMode.Microsoft365 ? options.Microsoft365.ClientId : null,
                MetadataFetchTimeout = TimeSpan.FromSeconds(options.BotKeyFetchTimeoutSeconds),
                OpenIdMetadataUrl = options.Bot.OpenIdMetadataUrl,
            };
        });
        services.AddSingleton(sp => new BotEndpointOptions
        {
            MaxRequestBodyBytes = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value.BotMaxRequestBytes,
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            return new BroadcastOptions { BotId = options.Mode == AppMode.Microsoft365 ? "28:" + options.Microsoft365.ClientId : null };
        });
        // Teams opens a 1:1 chat only where the app is installed: in Microsoft 365 mode a broadcast installs it first.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            return new GraphPersonalAppInstaller(sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>(), options.Microsoft365.ClientId!,
                sp.GetRequiredService<TimeProvider>(), options.Microsoft365.InstallsPerSecond);
        });
        services.AddSingleton<IPersonalAppInstaller>(sp => sp.GetRequiredService<IOptions<LeitbildOptions>>().Value.Mode == AppMode.Microsoft365
            ? new GraphAppInstaller(sp.GetRequiredService<GraphPersonalAppInstaller>())
            : new NoAppInstallation());
        services.AddSingleton<IConnectorTokenProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            if (options.Mode != AppMode.Microsoft365)
            {
                return new NoConnectorToken();
            }
            var m365 = options.Microsoft365;
            return new MsalConnectorTokenProvider(MsalConnectorTokenProvider.CreateApplication(m365.TenantId!, m365.ClientId!, m365.ClientSecret!, instance: m365.Instance));
        });

        services.AddSingleton<SqliteProcessedActivityStore>();
        services.AddSingleton<IProcessedActivityStore>(sp => sp.GetRequiredService<SqliteProcessedActivityStore>());
        services.AddSingleton<IRepeatedActivityReply, RepeatedActivityReply>();
        services.AddSingleton<SqliteConversationReferenceStore>();
        services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<SqliteConversationReferenceStore>());
        services.AddSingleton<IBroadcastStore, SqliteBroadcastStore>();

        services.AddTeamsBotProtocol();
        services.AddSingleton<BackgroundBroadcasts>();
        services.AddBotRoutes(ConversationReferences.Register);
        services.AddScoped<BotActors>();
        
        services.AddHostedService<BotMaintenance>();
        return services;
    }
}
