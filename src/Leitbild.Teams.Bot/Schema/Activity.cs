using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Schema;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Members this record does not name land in
/// <see cref="ExtensionData"/> and are written back unchanged, so nothing a channel sends is lost.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? Text { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    /// <summary>installationUpdate: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; init; }
    public string? ReplyToId { get; init; }
    /// <summary>Invoke name, e.g. adaptiveCard/action.</summary>
    public string? Name { get; init; }
    /// <summary>Action.Submit data on a message; the invoke payload on an invoke.</summary>
    public JsonElement? Value { get; init; }
    public string? Locale { get; init; }
    /// <summary>"expectReplies" asks for the replies in the HTTP response instead of through the connector.</summary>
    public string? DeliveryMode { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant of the conversation: Teams puts it in conversation.tenantId and channelData.tenant.id.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The language to answer in: the activity's locale, else the clientInfo entity's.</summary>
    [JsonIgnore]
    public string? EffectiveLocale => Locale ?? Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Locale;

    /// <summary>Text without the bot's own &lt;at&gt; mention (Teams includes it in channels and group chats), trimmed.</summary>
    public string TextWithoutMentions()
    {
        var text = Text ?? string.Empty;
        foreach (var mention in Entities?.Where(e => e.Type == "mention") ?? [])
        {
            if (mention.Text is { Length: > 0 } mentionText && mention.Mentioned?.Id == Recipient?.Id)
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }
        return text.Trim();
    }

    /// <summary>The address of this activity's conversation, to keep for proactive messages.</summary>
    public ConversationReference ToReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = EffectiveLocale,
        TenantId = TenantId,
    };

    /// <summary>A message activity addressed back into this activity's conversation.</summary>
    public Activity CreateReply(string? text = null, IReadOnlyList<Attachment>? attachments = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Text = text,
        Attachments = attachments,
        Locale = EffectiveLocale,
    };
}
