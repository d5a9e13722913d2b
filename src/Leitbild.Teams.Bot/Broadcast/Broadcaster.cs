using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.Bot.Broadcast;

public sealed class BroadcastOptions
{
    /// <summary>Sends in flight at once; the rate limiter, not this number, sets the pace.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>The bot's account id ("28:" + app id) for creating 1:1 conversations; Teams wants it in the request.</summary>
    public string? BotId { get; set; }
}

/// <summary>
/// Sends one job to many people through the connector (and so through the Teams rate limiter), saving each
/// person's outcome as it happens. Running a job again continues where it stopped: Delivered, Failed and
/// Unreachable people are skipped. A person marked Sending when the process died may or may not have received
/// the message; the connector offers no way to ask, so they are reported Failed ("interrupted") rather than sent
/// twice. Stopping on purpose (cancellation) never leaves anyone in Sending: a send in flight completes, and
/// people not yet sent stay Pending.
/// </summary>
public sealed partial class Broadcaster(
    IBroadcastStore store,
    ProactiveMessenger messenger,
    IConnectorClient connector,
    IEnumerable<IBroadcastContent> contents,
    BroadcastOptions options,
    ILogger<Broadcaster> logger)
{
    public const string InterruptedDetail = "interrupted";

    /// <summary>Persists the job (idempotent by id). Run it with <see cref="RunAsync"/>.</summary>
    public async Task CreateAsync(BroadcastJob job, CancellationToken cancellationToken)
    {
        if (!contents.Any(c => c.Kind == job.ContentKind))
        {
            throw new ArgumentException($"No broadcast content of kind '{job.ContentKind}' is registered.", nameof(job));
        }
        if (await store.CreateAsync(job, cancellationToken))
        {
            LogCreated(logger, job.Id, job.Recipients.Count);
        }
    }

    public async Task<BroadcastReport> RunAsync(string jobId, IProgress<BroadcastProgress>? progress, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken) ?? throw new KeyNotFoundException($"Broadcast {jobId} does not exist.");
        var content = contents.FirstOrDefault(c => c.Kind == job.ContentKind)
            ?? throw new InvalidOperationException($"No broadcast content of kind '{job.ContentKind}' is registered.");
        var deliveries = await store.ListDeliveriesAsync(jobId, cancellationToken);

        foreach (var interrupted in deliveries.Where(d => d.State == DeliveryState.Sending))
        {
            await store.MarkAsync(jobId, interrupted.PersonId, DeliveryState.Failed, null, InterruptedDetail, cancellationToken);
        }

        var pending = deliveries.Where(d => d.State == DeliveryState.Pending).ToList();
        var total = deliveries.Count;
        var done = total - pending.Count;
        LogRunning(logger, jobId, pending.Count, total);

        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency) }, async (delivery, _) =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            var outcome = await DeliverAsync(job, content, new BroadcastRecipient(delivery.PersonId, delivery.TeamsUserId), cancellationToken);
            if (outcome)
            {
                progress?.Report(new BroadcastProgress(jobId, Interlocked.Increment(ref done), total));
            }
        });

        var finalDeliveries = await store.ListDeliveriesAsync(jobId, CancellationToken.None);
        var finished = finalDeliveries.All(d => d.State is not (DeliveryState.Pending or DeliveryState.Sending));
        if (finished)
        {
            await store.CompleteAsync(jobId, CancellationToken.None);
        }
        var report = BroadcastReport.From(jobId, finished, finalDeliveries);
        LogReport(logger, jobId, report.Delivered, report.Failed, report.Unreachable, report.Pending);
        return report;
    }

    public async Task<BroadcastReport> GetReportAsync(string jobId, CancellationToken cancellationToken) =>
        BroadcastReport.From(jobId, await store.IsCompleteAsync(jobId, cancellationToken), await store.ListDeliveriesAsync(jobId, cancellationToken));

    /// <summary>True when the person has an outcome; false when stopping left them Pending.</summary>
    private async Task<bool> DeliverAsync(BroadcastJob job, IBroadcastContent content, BroadcastRecipient recipient, CancellationToken stopping)
    {
        try
        {
            var target = await messenger.FindOrCreatePersonalAsync(job.TenantId, job.ServiceUrl, recipient, stopping);
            var message = await content.BuildAsync(job, recipient, target, stopping);
            await store.MarkAsync(job.Id, recipient.PersonId, DeliveryState.Sending, null, null, CancellationToken.None);
            ResourceResponse sent;
            try
            {
                sent = await connector.SendAsync(target, message with { ReplyToId = null }, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The connector had not sent it (cancellation only interrupts waiting): the person stays Pending.
                await store.MarkAsync(job.Id, recipient.PersonId, DeliveryState.Pending, null, null, CancellationToken.None);
                return false;
            }
            await store.MarkAsync(job.Id, recipient.PersonId, DeliveryState.Delivered, sent.Id, null, CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (RecipientUnreachableException e)
        {
            await store.MarkAsync(job.Id, recipient.PersonId, DeliveryState.Unreachable, null, UnreachableReason(e.Code), CancellationToken.None);
            return true;
        }
        catch (ConnectorException e)
        {
            await store.MarkAsync(job.Id, recipient.PersonId, DeliveryState.Failed, null, $"{(int)e.Status} {e.Code}", CancellationToken.None);
            return true;
        }
    }

    /// <summary>The report's reason: the installer's own codes pass through, connector codes are translated.</summary>
    private static string UnreachableReason(string? code) =>
        code is UnreachableReasons.NoTeams or UnreachableReasons.Policy or UnreachableReasons.Blocked ? code : UnreachableReasons.FromConnectorCode(code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {JobId} created for {RecipientCount} recipients")]
    private static partial void LogCreated(ILogger logger, string jobId, int recipientCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {JobId}: sending to {PendingCount} of {Total}")]
    private static partial void LogRunning(ILogger logger, string jobId, int pendingCount, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {JobId}: {Delivered} delivered, {Failed} failed, {Unreachable} unreachable, {Pending} pending")]
    private static partial void LogReport(ILogger logger, string jobId, int delivered, int failed, int unreachable, int pending);
}
