using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Schema;

/// <summary>Everything needed to send into a conversation later (proactive messages): where, to whom, as whom.</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    /// <summary>True for a 1:1 chat between the bot and one person.</summary>
    [JsonIgnore]
    public bool IsPersonal => Conversation?.ConversationType is null or "personal" && Conversation?.IsGroup != true;
}
