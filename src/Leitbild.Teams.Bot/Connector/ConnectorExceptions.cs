using System.Net;

namespace Leitbild.Teams.Bot.Connector;

/// <summary>The connector refused a call for good (after retries where retrying made sense).</summary>
public class ConnectorException(HttpStatusCode status, string? code, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The connector's error code, e.g. MessageWritesBlocked, ConversationNotFound.</summary>
    public string? Code { get; } = code;
}

/// <summary>The person blocked or removed the app (403 MessageWritesBlocked): not retried, the person is unreachable.</summary>
public sealed class RecipientUnreachableException(HttpStatusCode status, string? code)
    : ConnectorException(status, code, $"The recipient cannot be reached ({(int)status} {code}).");
