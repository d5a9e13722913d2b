using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Broadcast;

/// <summary>Persists broadcast jobs and each person's delivery state, so a job resumes after a restart.</summary>
public interface IBroadcastStore
{
    /// <summary>Stores the job with every recipient Pending. False when a job with this id exists (nothing changed).</summary>
    Task<bool> CreateAsync(BroadcastJob job, CancellationToken cancellationToken);

    Task<BroadcastJob?> GetAsync(string jobId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BroadcastDelivery>> ListDeliveriesAsync(string jobId, CancellationToken cancellationToken);

    Task MarkAsync(string jobId, string personId, DeliveryState state, string? activityId, string? detail, CancellationToken cancellationToken);

    Task CompleteAsync(string jobId, CancellationToken cancellationToken);

    Task<bool> IsCompleteAsync(string jobId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken);
}

/// <summary>Conversation references kept from inbound activities, for replies and proactive messages later.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the reference of this conversation.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task RemoveAsync(string conversationId, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The 1:1 conversation of the bot with a person (Entra object id) in a tenant, if one is known.</summary>
    Task<ConversationReference?> FindPersonalAsync(string tenantId, string personId, CancellationToken cancellationToken);
}

/// <summary>Builds one person's message for a job; registered per <see cref="BroadcastJob.ContentKind"/>.</summary>
public interface IBroadcastContent
{
    string Kind { get; }

    Task<Activity> BuildAsync(BroadcastJob job, BroadcastRecipient recipient, ConversationReference target, CancellationToken cancellationToken);
}
