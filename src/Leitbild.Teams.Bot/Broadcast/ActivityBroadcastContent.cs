using System.Text.Json;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Broadcast;

/// <summary>The simplest content: the payload is one activity (text and/or cards), sent unchanged to everyone.</summary>
public sealed class ActivityBroadcastContent : IBroadcastContent
{
    public const string KindName = "activity";

    public string Kind => KindName;

    public static string Payload(Activity activity) => JsonSerializer.Serialize(activity, BotJson.Options);

    public Task<Activity> BuildAsync(BroadcastJob job, BroadcastRecipient recipient, ConversationReference target, CancellationToken cancellationToken) =>
        Task.FromResult(JsonSerializer.Deserialize<Activity>(job.Payload, BotJson.Options)
            ?? throw new InvalidDataException($"Broadcast {job.Id} has an empty payload."));
}
