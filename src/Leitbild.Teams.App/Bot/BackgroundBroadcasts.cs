using Leitbild.Teams.Bot.Broadcast;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// Persists a broadcast job and runs it in the background, so the caller (a card or the tab) answers at once.
/// The tenant and service URL come from the most recent conversation the bot saw; a restart resumes the job
/// (BotMaintenance). Shared by polls, interview proposals and workshop votes.
/// </summary>
public sealed class BackgroundBroadcasts(
    Broadcaster broadcaster,
    SqliteConversationReferenceStore references,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BackgroundBroadcasts> logger)
{
    /// <summary>False (and nothing stored) when nobody has installed the bot yet, so there is nowhere to send from.</summary>
    public async Task<bool> StartAsync(string jobId, string contentKind, string payload, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        if (await references.LatestAsync(cancellationToken) is not { } anchor)
        {
            logger.LogWarning("Broadcast {JobId} not started: nobody has installed the bot yet", jobId);
            return false;
        }
        await broadcaster.CreateAsync(new BroadcastJob
        {
            Id = jobId,
            TenantId = anchor.TenantId ?? anchor.Conversation?.TenantId ?? "",
            ServiceUrl = anchor.ServiceUrl ?? "",
            ContentKind = contentKind,
            Payload = payload,
            Recipients = recipients,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                await broadcaster.RunAsync(jobId, progress: null, lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Broadcast {JobId} stopped; it resumes at the next start", jobId);
            }
        }, CancellationToken.None);
        return true;
    }
}
