using Leitbild.Teams.App.Bot;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>Sends every invited person the workshop's vote card 1:1 through the persisted broadcast.</summary>
public sealed class WorkshopVoteDelivery(BackgroundBroadcasts broadcasts, IWorkshopStore store)
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
        return await broadcasts.StartAsync(JobId(vote.Id), WorkshopVoteBroadcastContent.KindName,
            BotJson.ToElement(new Dictionary<string, string> { ["voteId"] = vote.Id }).GetRawText(),
            [.. workshop.Participants.Select(p => new BroadcastRecipient(p.PersonId))], cancellationToken);
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
