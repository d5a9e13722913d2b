using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Connector;

/// <summary>
/// The Bot Connector REST API at a conversation's serviceUrl (Teams, or the Agents Playground locally).
/// Every call goes through the Teams rate limiter and retries transient failures.
/// Cancellation stops waiting (rate limiter, backoff) but never aborts a request already sent, so an
/// <see cref="OperationCanceledException"/> means the last attempt was not sent.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST /v3/conversations/{id}/activities, or …/activities/{replyToId} when the activity replies to one.</summary>
    Task<ResourceResponse> SendAsync(ConversationReference target, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST /v3/conversations/{id}/activities/{activityId}: a reply in the thread of that activity.</summary>
    Task<ResourceResponse> ReplyAsync(ConversationReference target, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT /v3/conversations/{id}/activities/{activityId}: replace a message the bot sent.</summary>
    Task<ResourceResponse> UpdateAsync(ConversationReference target, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>DELETE /v3/conversations/{id}/activities/{activityId}.</summary>
    Task DeleteAsync(ConversationReference target, string activityId, CancellationToken cancellationToken);

    /// <summary>POST /v3/conversations: a 1:1 chat with one person (the app must be installed for them).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, string tenantId, ConversationParameters parameters, CancellationToken cancellationToken);
}
