using Leitbild.Teams.App.Legal;
using Leitbild.Teams.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Privacy;

/// <summary>DSGVO paperwork and duties: record of processing, retention, a person's data, the audit log.</summary>
public static class PrivacyServices
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        foreach (var migration in PrivacyMigrations.All)
        {
            services.AddSingleton(migration);
        }
        services.AddSingleton<SqliteAuditLog>();
        services.AddSingleton<IPersonalDataStore, SqlitePersonalDataStore>();
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<ProcessingRecordSource>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPrivacyApi();
        app.MapAccessibilityStatement();
        return app;
    }
}
