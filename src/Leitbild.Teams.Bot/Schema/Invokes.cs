using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Schema;

/// <summary>Value of an <c>adaptiveCard/action</c> invoke: the Action.Execute that was pressed, and what triggered it.</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }
    public JsonElement? Authentication { get; init; }
    public string? State { get; init; }
    /// <summary>"manual" (a press) or "automatic" (a refresh).</summary>
    public string? Trigger { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Verb { get; init; }
    public JsonElement? Data { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>Value of <c>task/fetch</c> and <c>task/submit</c> invokes.</summary>
public sealed record TaskModuleRequest
{
    public JsonElement? Data { get; init; }
    public JsonElement? Context { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}

/// <summary>
/// Body of an invoke response for <c>adaptiveCard/action</c>: <c>{statusCode, type, value}</c>. Teams reads
/// statusCode from the body, so the HTTP status stays 200 for a handled invoke.
/// </summary>
public sealed record AdaptiveCardInvokeResponse
{
    public int StatusCode { get; init; } = 200;
    public required string Type { get; init; }
    public JsonElement? Value { get; init; }
}

/// <summary>Body of a <c>task/fetch</c> or <c>task/submit</c> response: <c>{task: {type: continue|message, value}}</c>.</summary>
public sealed record TaskModuleResponse
{
    public required TaskModuleResponseBody Task { get; init; }

    public static TaskModuleResponse Continue(TaskModuleTaskInfo info) =>
        new() { Task = new TaskModuleResponseBody { Type = "continue", Value = BotJson.ToElement(info) } };

    public static TaskModuleResponse Message(string text) =>
        new() { Task = new TaskModuleResponseBody { Type = "message", Value = BotJson.ToElement(text) } };
}

public sealed record TaskModuleResponseBody
{
    public required string Type { get; init; }
    public JsonElement? Value { get; init; }
}

/// <summary>The dialog to show: a title, a size and either a card or a URL.</summary>
public sealed record TaskModuleTaskInfo
{
    public string? Title { get; init; }
    /// <summary>Pixels or small/medium/large.</summary>
    public JsonElement? Height { get; init; }
    public JsonElement? Width { get; init; }
    public Attachment? Card { get; init; }
    public string? Url { get; init; }
    public string? FallbackUrl { get; init; }
}

/// <summary>An error in the shape Teams expects inside an invoke response of type application/vnd.microsoft.error.</summary>
public sealed record InvokeError
{
    public required string Code { get; init; }
    public required string Message { get; init; }
}
