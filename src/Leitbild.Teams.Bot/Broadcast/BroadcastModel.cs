namespace Leitbild.Teams.Bot.Broadcast;

/// <summary>One person to reach: their Entra object id, and their Teams user id ("29:…") when known.</summary>
public sealed record BroadcastRecipient(string PersonId, string? TeamsUserId = null);

/// <summary>
/// A persisted send job. <see cref="ContentKind"/> names the <see cref="IBroadcastContent"/> that builds each
/// person's message from <see cref="Payload"/> at send time, so a job can resume after a restart without code
/// having to survive the restart.
/// </summary>
public sealed record BroadcastJob
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    /// <summary>Where to create 1:1 conversations for people without a stored reference.</summary>
    public required string ServiceUrl { get; init; }
    public required string ContentKind { get; init; }
    public required string Payload { get; init; }
    public required IReadOnlyList<BroadcastRecipient> Recipients { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public enum DeliveryState
{
    Pending,
    /// <summary>Sent or being sent when the process stopped; see <see cref="Broadcaster"/> for what resuming does.</summary>
    Sending,
    Delivered,
    Failed,
    /// <summary>The person blocked or removed the app (403 MessageWritesBlocked).</summary>
    Unreachable,
}

public sealed record BroadcastDelivery(string PersonId, string? TeamsUserId, DeliveryState State, string? ActivityId, string? Detail);

public sealed record BroadcastReport(string JobId, int Total, int Delivered, int Failed, int Unreachable, int Pending, bool Finished, IReadOnlyList<BroadcastDelivery> Deliveries)
{
    public static BroadcastReport From(string jobId, bool finished, IReadOnlyList<BroadcastDelivery> deliveries) => new(
        jobId,
        deliveries.Count,
        deliveries.Count(d => d.State == DeliveryState.Delivered),
        deliveries.Count(d => d.State == DeliveryState.Failed),
        deliveries.Count(d => d.State == DeliveryState.Unreachable),
        deliveries.Count(d => d.State is DeliveryState.Pending or DeliveryState.Sending),
        finished,
        deliveries);
}

/// <summary>Progress of a running broadcast: how many of the total have an outcome.</summary>
public sealed record BroadcastProgress(string JobId, int Done, int Total);
