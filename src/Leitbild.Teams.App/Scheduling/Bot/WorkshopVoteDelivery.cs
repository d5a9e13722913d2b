using Leitbild.Teams.App.Bot;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>Sends every invited person the workshop's vote card 1:1 through the persisted broadcast.</summary>
public sealed class WorkshopVoteDelivery(
    Broadcaster broadcaster,
    SqliteConversationReferenceStore references,
    IWorkshopStore store,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WorkshopVoteDelivery> logger)
{
    public static string JobId(string voteId) => $"workshop-vote-{voteId}";

    /// <summary>Queues the cards and starts sending in the background; false when the bot has no installation to send from.</summary>
    public async Task<bool> SendAsync(SlotVote vote, CancellationToken cancellationToken)
    {
        var workshop = await store.GetWorkshopAsync(vote.WorkshopId, cancellationToken);
        if (workshop is null || workshop.Participants.Count == 0)
        {
            return false;
        }
        if (await references.LatestAsync(cancellationToken) is not { } anchor)
        {
            logger.LogWarning("Vote {VoteId}: nobody has installed the bot yet, so no vote cards were sent", vote.Id);
            return false;
        }
        var jobId = JobId(vote.Id);
        await broadcaster.CreateAsync(new BroadcastJob
        {
            Id = jobId,
            TenantId = anchor.TenantId ?? anchor.Conversation?.TenantId ?? "",
            ServiceUrl = anchor.ServiceUrl ?? "",
            ContentKind = WorkshopVoteBroadcastContent.KindName,
            Payload = BotJson.ToElement(new Dictionary<string, string> { ["voteId"] = vote.Id }).GetRawText(),
            Recipients = [.. workshop.Participants.Select(p => new BroadcastRecipient(p.PersonId))],
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

/// <summary>Builds each participant's vote card at send time, in their language.</summary>
public sealed class WorkshopVoteBroadcastContent(WorkshopService service, IDirectory directory) : IBroadcastContent
{
    public const string KindName = "workshop-vote";

    public string Kind => KindName;

    public async Task<Activity> BuildAsync(BroadcastJob job, BroadcastRecipient recipient, ConversationReference target, CancellationToken cancellationToken)
    {
        var voteId = System.Text.Json.JsonDocument.Parse(job.Payload).RootElement.GetProperty("voteId").GetString()
            ?? throw new InvalidDataException($"Broadcast {job.Id} names no vote.");
        var state = await service.GetVoteStateAsync(voteId, cancellationToken);
        var language = (await directory.FindPersonAsync(recipient.PersonId, cancellationToken))?.PreferredLanguage ?? "de";
        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = state.Workshop.Title,
            Attachments = [WorkshopVoteCards.Build(state, new Dictionary<int, VoteAnswer>(), language, null, showTally: false).ToAttachment()],
        };
    }
}
