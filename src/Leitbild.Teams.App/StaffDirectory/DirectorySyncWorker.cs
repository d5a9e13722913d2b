using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Core.Directory;
using Microsoft.Extensions.Options;

// Not "Leitbild.Teams.App.Directory": that namespace would hide System.IO.Directory from every other feature.
namespace Leitbild.Teams.App.StaffDirectory;

/// <summary>
/// Microsoft 365 mode: syncs the directory from Entra ID at start and then every
/// <c>Leitbild:Microsoft365:DirectorySyncMinutes</c>. A failed run keeps the last good directory and is tried again
/// at the next tick; the status (for /healthz) says what happened.
/// </summary>
public sealed partial class DirectorySyncWorker(
    IServiceProvider services,
    IOptions<LeitbildOptions> options,
    TimeProvider time,
    ILogger<DirectorySyncWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Mode != AppMode.Microsoft365)
        {
            return;
        }
        // The migrations ran in DatabaseInitializer.StartAsync before this; the first sync must not hold up the start.
        await Task.Yield();
        var interval = TimeSpan.FromMinutes(options.Value.Microsoft365.DirectorySyncMinutes);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sync; runs never overlap (a slow full sync and the next tick wait for each other).</summary>
    public async Task<DirectorySyncStatus> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var status = await services.GetRequiredService<DirectorySync>().RunAsync(cancellationToken);
            if (status.Ok)
            {
                var placed = await services.GetRequiredService<EntraDirectory>().CurrentAsync(cancellationToken);
                LogSynced(logger, status.FullSync, placed.Organisation.People.Count, placed.Unplaced.Count);
            }
            else
            {
                LogFailed(logger, status.Error ?? "unknown", TimeSpan.FromMinutes(options.Value.Microsoft365.DirectorySyncMinutes));
            }
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory synced from Entra ID (full: {FullSync}): {PeopleCount} people placed, {UnplacedCount} without an office")]
    private static partial void LogSynced(ILogger logger, bool fullSync, int peopleCount, int unplacedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory sync failed ({Error}); the last good directory stays in use, next try in {Interval}")]
    private static partial void LogFailed(ILogger logger, string error, TimeSpan interval);
}
