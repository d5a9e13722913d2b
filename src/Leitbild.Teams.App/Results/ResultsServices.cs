using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Not "Leitbild.Teams.App.Results": that namespace would hide ASP.NET Core's Results class from every other feature.
namespace Leitbild.Teams.App.ResultsStorage;

public static class ResultsServices
{
    /// <summary>
    /// The results feature: migrations 200–299, the SQLite outbox and its worker, and the results store —
    /// SharePoint via Graph in Microsoft 365 mode, the embedded SQLite table locally.
    /// </summary>
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        foreach (var migration in ResultsMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.TryAddSingleton(new OutboxSettings());
        services.AddSingleton<SqliteResultsStore>();
        services.AddSingleton<SqliteResultsOutbox>();
        services.AddSingleton<IResultsOutbox>(sp => sp.GetRequiredService<SqliteResultsOutbox>());
        services.TryAddSingleton<IResultsLabelSource, ResultsLabelSource>();
        services.TryAddSingleton<IResultsStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            if (options.Mode != AppMode.Microsoft365)
            {
                return sp.GetRequiredService<SqliteResultsStore>();
            }
            var time = sp.GetRequiredService<TimeProvider>();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var client = sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>();
            return new SharePointResultsStore(client, new SharePointResultsOptions { SiteId = options.Microsoft365.SharePointSiteId! },
                sp.GetRequiredService<IResultsLabelSource>(), sp.GetRequiredService<SummaryRulesSource>(), time, loggers.CreateLogger<SharePointResultsStore>());
        });
        services.AddSingleton<LocalAnonymityKeyFile>();
        // One minimum group size for every reader; the options validator has already refused values below the lowest.
        services.AddSingleton(sp => new MinimumGroupSize(sp.GetRequiredService<IOptions<LeitbildOptions>>().Value.MinimumGroupSize));
        services.AddSingleton<SummaryRulesSource>();
        services.AddSingleton<RespondentKeyFactory>();
        services.AddSingleton<ResultsOutboxWorker>();
        services.AddSingleton<ISummaryRefresh>(sp => sp.GetRequiredService<ResultsOutboxWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ResultsOutboxWorker>());

        // The tab's Ergebnisse page (reviewers and organizers).
        // The Ergebnisse section is hosted by the evaluation module (features/evaluation.js), whose default view is
        // features/results.js; one module per section keeps the dashboard unambiguous.
        return services;
    }
}
