using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Schema;

/// <summary>The connector's answer to send/reply/update: the id of the activity it stored.</summary>
public sealed record ResourceResponse
{
    public string? Id { get; init; }
}

/// <summary>Body of <c>POST /v3/conversations</c>: a 1:1 chat needs the bot, one member and the tenant.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

/// <summary>The connector's answer to creating a conversation.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// <summary>Error body of the connector: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed record ErrorResponse
{
    public ErrorDetail? Error { get; init; }
}

public sealed record ErrorDetail
{
    public string? Code { get; init; }
    public string? Message { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Response body for deliveryMode "expectReplies": the replies travel back in the HTTP response.</summary>
public sealed record ExpectedReplies
{
    public IReadOnlyList<Activity> Activities { get; init; } = [];
}
