using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Graph.Directory;
using Microsoft.Extensions.Options;

// Not "Leitbild.Teams.App.Directory": that namespace would hide System.IO.Directory from every other feature.
namespace Leitbild.Teams.App.StaffDirectory;

/// <summary>
/// Who is who: migrations 700–799; the template's seeded directory in local mode, Entra ID (synced at start and on a
/// schedule) in Microsoft 365 mode. Either way the rest of the app asks <see cref="IDirectory"/> only.
/// </summary>
public static class DirectoryServices
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        foreach (var migration in DirectoryMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<SeededDirectory>();
        services.AddSingleton<SqliteDirectoryStateStore>();
        services.AddSingleton<IDirectoryStateStore>(sp => sp.GetRequiredService<SqliteDirectoryStateStore>());
        // The template's units are the process's vocabulary; Entra fills them with people.
        services.AddSingleton(sp => new EntraDirectory(sp.GetRequiredService<SeededDirectory>(), sp.GetRequiredService<IDirectoryStateStore>()));
        services.AddSingleton<IEntraDirectorySource>(sp => new GraphEntraDirectorySource(
            sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>(),
            sp.GetRequiredService<IOptions<LeitbildOptions>>().Value.Microsoft365.ClientId!));
        services.AddSingleton(sp => new DirectorySync(
            sp.GetRequiredService<IEntraDirectorySource>(),
            sp.GetRequiredService<IDirectoryStateStore>(),
            sp.GetRequiredService<EntraDirectory>(),
            sp.GetRequiredService<SeededDirectory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<IOptions<LeitbildOptions>>().Value.Mode == AppMode.Microsoft365
            ? sp.GetRequiredService<EntraDirectory>()
            : sp.GetRequiredService<SeededDirectory>());
        services.AddSingleton<DirectorySyncWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectorySyncWorker>());
        return services;
    }

    public static WebApplication MapDirectory(this WebApplication app)
    {
        app.MapGroup("api/directory").RequireAuthorization(TabPolicies.Organizer).MapGet("", DirectoryApi.GetOverview);
        return app;
    }
}
