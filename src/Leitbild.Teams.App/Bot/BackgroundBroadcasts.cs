using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Bot.Broadcast;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// Persists a broadcast job and runs it in the background, so the caller (a card or the tab) answers at once.
/// The tenant and service URL come from the most recent conversation the bot saw; in Microsoft 365 mode, before
/// anyone wrote to the bot, from the options (the app installs itself for each person). A restart resumes the job
/// (BotMaintenance). Shared by polls, interview proposals and workshop votes.
/// </summary>
public sealed class BackgroundBroadcasts(
    Broadcaster broadcaster,
    SqliteConversationReferenceStore references,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<LeitbildOptions> options,
    ILogger<BackgroundBroadcasts> logger)
{
    /// <summary>Whether a job could start now: in local mode someone must have opened the bot, so there is somewhere to send from.</summary>
    public async Task<bool> CanStartAsync(CancellationToken cancellationToken) =>
        options.Value.Mode == AppMode.Microsoft365 || await references.LatestAsync(cancellationToken) is not null;

    /// <summary>False (and nothing stored) in local mode when nobody has opened the bot yet, so there is nowhere to send from.</summary>
    public async Task<bool> StartAsync(string jobId, string contentKind, string payload, IReadOnlyList<BroadcastRecipient> recipients, CancellationToken cancellationToken)
    {
        var anchor = await references.LatestAsync(cancellationToken);
        var settings = options.Value;
        string tenantId, serviceUrl;
        if (anchor is not null)
        {
            tenantId = anchor.TenantId ?? anchor.Conversation?.TenantId ?? "";
            serviceUrl = anchor.ServiceUrl ?? "";
        }
        else if (settings.Mode == AppMode.Microsoft365)
        {
            tenantId = settings.Microsoft365.TenantId!;
            serviceUrl = settings.Bot.ServiceUrl;
        }
        else
        {
            logger.LogWarning("Broadcast {JobId} not started: nobody has installed the bot yet", jobId);
            return false;
        }
        await broadcaster.CreateAsync(new BroadcastJob
        {
            Id = jobId,
            TenantId = tenantId,
            ServiceUrl = serviceUrl,
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
