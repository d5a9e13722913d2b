using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Routing;

/// <summary>What the endpoint writes for an invoke: an HTTP status and an optional JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    public static InvokeResponse Ok(object? body = null) => new(200, body);

    /// <summary>Replaces the card for the person who acted.</summary>
    public static InvokeResponse Card(Cards.AdaptiveCard card) => new(200, card.ToInvokeResponse());

    /// <summary>Shows a short text message instead of a new card.</summary>
    public static InvokeResponse Message(string text) => new(200, new AdaptiveCardInvokeResponse
    {
        StatusCode = 200,
        Type = ContentTypes.ActivityMessage,
        Value = BotJson.ToElement(text),
    });

    /// <summary>A protocol-shaped error: HTTP status = statusCode, body type application/vnd.microsoft.error.</summary>
    public static InvokeResponse Error(int status, string code, string message) => new(status, new AdaptiveCardInvokeResponse
    {
        StatusCode = status,
        Type = ContentTypes.Error,
        Value = BotJson.ToElement(new InvokeError { Code = code, Message = message }),
    });
}

/// <summary>
/// Thrown anywhere in a turn to end it with a given invoke response (501 unknown invoke, 400 bad payload).
/// Caught in one place, <see cref="ActivityDispatcher"/>, like the SDK's InvokeResponseException.
/// </summary>
public sealed class InvokeResponseException(InvokeResponse response, string message) : Exception(message)
{
    public InvokeResponse Response { get; } = response;

    public static InvokeResponseException NotImplemented(string what) =>
        new(new InvokeResponse(501, null), $"No handler for {what}.");

    public static InvokeResponseException BadRequest(string message) =>
        new(InvokeResponse.Error(400, "BadRequest", message), message);
}
