using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Schema;

/// <summary>A user or bot in a conversation. In Teams, users have ids "29:…" and an Entra object id; bots "28:…".</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>The conversation an activity belongs to: personal, groupChat or channel.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>A file or card sent with a message; cards are Adaptive Cards with their JSON in <see cref="Content"/>.</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Metadata about an activity: clientInfo (locale, platform, timezone) or a mention.</summary>
public sealed record Entity
{
    public string? Type { get; init; }
    public string? Locale { get; init; }
    public string? Country { get; init; }
    public string? Platform { get; init; }
    public string? Timezone { get; init; }
    /// <summary>mention: the mentioned account.</summary>
    public ChannelAccount? Mentioned { get; init; }
    /// <summary>mention: the text as it appears in the message, e.g. "&lt;at&gt;Bot&lt;/at&gt;".</summary>
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
