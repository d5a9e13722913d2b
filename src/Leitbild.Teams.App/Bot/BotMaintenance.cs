using Leitbild.Teams.Bot.Broadcast;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// In the background: resumes broadcasts a restart interrupted, then every minute forgets processed activities older
/// than the retry window (Teams retries within minutes; nothing about a turn is kept longer than needed).
/// </summary>
public sealed partial class BotMaintenance(
    IBroadcastStore broadcasts,
    Broadcaster broadcaster,
    SqliteProcessedActivityStore processed,
    Leitbild.Teams.Bot.Hosting.BotEndpointOptions endpoint,
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
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
            do
            {
                var purged = await processed.PurgeAsync(time.GetUtcNow() - endpoint.RetryWindow, stoppingToken);
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
