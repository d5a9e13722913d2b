using Leitbild.Teams.App.Bot;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling.Interviews;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>
/// Sends every interviewee of a new campaign their proposal card 1:1, through the persisted broadcast
/// (rate-limited, resumable, never twice). A campaign whose people nobody can reach yet still starts: the tab's
/// Mein Leitbild offers the same proposals.
/// </summary>
public sealed class InterviewProposalDelivery(BackgroundBroadcasts broadcasts)
{
    public static string JobId(string campaignId) => $"interview-campaign-{campaignId}";

    /// <summary>Queues the cards and starts sending in the background; false when the bot has no installation to send from.</summary>
    public async Task<bool> SendProposalsAsync(CampaignOverview overview, CancellationToken cancellationToken)
    {
        var recipients = overview.Interviews
            .Where(i => i.Interview.Status == InterviewStatus.Proposed)
            .Select(i => new BroadcastRecipient(i.Interview.IntervieweeId))
            .ToList();
        if (recipients.Count == 0)
        {
            return false;
        }
        return await broadcasts.StartAsync(JobId(overview.Campaign.Id), InterviewBroadcastContent.KindName,
            new InterviewBroadcastPayload(overview.Campaign.Id).Serialize(), recipients, cancellationToken);
    }
}

/// <summary>Builds each interviewee's card at send time, in their language, from the interview's current state.</summary>
public sealed class InterviewBroadcastContent(IInterviewStore store, InterviewCardFactory cards, IDirectory directory) : IBroadcastContent
{
    public const string KindName = "interview-proposals";

    public string Kind => KindName;

    public async Task<Activity> BuildAsync(BroadcastJob job, BroadcastRecipient recipient, ConversationReference target, CancellationToken cancellationToken)
    {
        var payload = InterviewBroadcastPayload.Parse(job.Payload);
        var interview = (await store.ListInterviewsAsync(payload.CampaignId, cancellationToken)).FirstOrDefault(i => i.IntervieweeId == recipient.PersonId)
            ?? throw new InvalidDataException($"Campaign {payload.CampaignId} of broadcast {job.Id} has no interview for this recipient.");
        var language = (await directory.FindPersonAsync(recipient.PersonId, cancellationToken))?.PreferredLanguage ?? "de";
        var model = await cards.ModelAsync(interview.Id, cancellationToken)
            ?? throw new InvalidDataException($"Interview {interview.Id} of broadcast {job.Id} does not exist.");
        return new Activity
        {
            Type = ActivityTypes.Message,
            Summary = model.Campaign.Title,
            Attachments = [InterviewCards.Build(model, language).ToAttachment()],
        };
    }
}

public sealed record InterviewBroadcastPayload(string CampaignId)
{
    public string Serialize() => System.Text.Json.JsonSerializer.Serialize(this, BotJson.Options);

    public static InterviewBroadcastPayload Parse(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<InterviewBroadcastPayload>(json, BotJson.Options) ?? throw new InvalidDataException("Empty interview broadcast payload.");
}
