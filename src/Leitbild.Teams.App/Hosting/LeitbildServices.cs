using System.Text.Json.Serialization;
using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.StaffDirectory;
using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Help;
using Leitbild.Teams.App.Polls;
using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Hosting;

/// <summary>All wiring of the host, one <c>Add…</c> per feature. Program.cs only calls this.</summary>
public static class LeitbildServices
{
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplicationBuilder AddLeitbildServices(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        SocketPeerStartupFilter.AddFirst(builder.Services);
        builder.Services.AddCallerRateLimits();
        builder.Services.AddOptions<LeitbildOptions>().BindConfiguration(LeitbildOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LeitbildOptions>, LeitbildOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        builder.Services.AddGraphClient().AddStorage().AddProcess().AddDirectory().AddResults().AddScheduling().AddTab().AddBot().AddHelp().AddEvaluation().AddPolls();
        builder.Services.AddPrivacy();
        return builder;
    }

    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            return new SqliteDatabase(Path.GetFullPath(options.DatabasePath), options.SqliteJournal);
        });
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<AppSecrets>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    public static IServiceCollection AddProcess(this IServiceCollection services)
    {
        foreach (var migration in ProcessMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<SqliteProcessStore>();
        services.AddSingleton<IProcessStore>(sp => sp.GetRequiredService<SqliteProcessStore>());
        return services;
    }
}
