using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Polls.Bot;

/// <summary>Builds each person's poll card at send time, in their language; a reminder adds one line above it.</summary>
public sealed class PollBroadcastContent(PollCardFactory cards, IDirectory directory) : IBroadcastContent
{
    public const string KindName = "poll";

    public string Kind => KindName;

    public async Task<Activity> BuildAsync(BroadcastJob job, BroadcastRecipient recipient, ConversationReference target, CancellationToken cancellationToken)
    {
        var payload = PollBroadcastPayload.Parse(job.Payload);
        var person = await directory.FindPersonAsync(recipient.PersonId, cancellationToken);
        var language = person?.PreferredLanguage ?? "de";
        var context = await cards.ContextAsync(payload.PollId, language, cancellationToken)
            ?? throw new InvalidDataException($"Poll {payload.PollId} of broadcast {job.Id} does not exist.");
        var card = PollCards.Questions(context, 1, [], [], refreshUserIds: null);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = payload.Reminder ? context.F("poll.reminder", context.Poll.Title.In(language)) : null,
            Summary = context.Poll.Title.In(language),
            Attachments = [card.ToAttachment()],
        };
    }
}

public sealed record PollBroadcastPayload(string PollId, bool Reminder)
{
    public string Serialize() => System.Text.Json.JsonSerializer.Serialize(this, BotJson.Options);

    public static PollBroadcastPayload Parse(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<PollBroadcastPayload>(json, BotJson.Options) ?? throw new InvalidDataException("Empty poll broadcast payload.");
}
