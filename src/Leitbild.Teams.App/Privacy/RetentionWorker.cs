using Leitbild.Teams.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Privacy;

/// <summary>
/// Deletes personal data once retention is due (<see cref="RetentionSchedule"/>): checks shortly after start and then
/// every <see cref="PrivacyOptions.RetentionCheckHours"/>. Before the day, and while a process runs, it does nothing.
/// </summary>
public sealed class RetentionWorker(IServiceProvider services, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>Lets the start (migrations, seeding) finish first.</summary>
    private static readonly TimeSpan FirstCheck = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstCheck;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait = TimeSpan.FromHours(options.Value.RetentionCheckHours);
            try
            {
                await RetentionRun.RunAsync(services, options.Value.RetentionDays, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next check tries again; the failure must show in the logs, not stop the host.
                logger.LogError(e, "Retention check failed");
            }
        }
    }
}

/// <summary>One retention run as the worker and the <c>retention</c> verb do it: delete when due, record it in the audit log.</summary>
public static class RetentionRun
{
    public static async Task<IReadOnlyDictionary<string, int>?> RunAsync(IServiceProvider services, int retentionDays, CancellationToken cancellationToken)
    {
        var changed = await services.GetRequiredService<PersonalDataService>().RunRetentionAsync(retentionDays, cancellationToken);
        if (changed is not null && changed.Values.Sum() > 0)
        {
            // After the audit log itself was emptied: the one entry left says that, when and how much, but no person.
            var counts = changed.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
            await services.GetRequiredService<SqliteAuditLog>().AppendAsync(SqliteAuditLog.SystemActor, false, "retention", counts, StatusCodes.Status200OK, cancellationToken);
        }
        return changed;
    }
}
