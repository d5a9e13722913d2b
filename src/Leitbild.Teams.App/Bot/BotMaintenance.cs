using Leitbild.Teams.Bot.Broadcast;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// In the background: resumes broadcasts a restart interrupted, then once an hour forgets processed activity ids
/// older than two days (Teams retries within minutes).
/// </summary>
public sealed partial class BotMaintenance(
    IBroadcastStore broadcasts,
    Broadcaster broadcaster,
    SqliteProcessedActivityStore processed,
    TimeProvider time,
    ILogger<BotMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var jobId in await broadcasts.ListUnfinishedAsync(stoppingToken))
            {
                LogResuming(logger, jobId);
                await broadcaster.RunAsync(jobId, null, stoppingToken);
            }
            using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
            do
            {
                var purged = await processed.PurgeAsync(time.GetUtcNow().AddDays(-2), stoppingToken);
                LogPurged(logger, purged);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming broadcast {JobId} after a restart")]
    private static partial void LogResuming(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forgot {Count} processed activity ids")]
    private static partial void LogPurged(ILogger logger, int count);
}
