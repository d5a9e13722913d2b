using Leitbild.Teams.Core.Polls;

namespace Leitbild.Teams.App.Polls;

/// <summary>How a poll reaches Teams: cards to people (1:1 through the broadcast) or into a chat or channel.</summary>
public interface IPollDelivery
{
    /// <summary>Opens the poll (draft → open) and sends its card to the audience; resumable, never sends twice.</summary>
    Task<PollDeliveryReport> SendAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>Sends a reminder to everyone asked who has not answered yet (known from participation only).</summary>
    Task<PollDeliveryReport> RemindAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>Closes the poll and updates every card it posted, so they show the results or "closed".</summary>
    Task<bool> CloseAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>Progress of the latest send and reminder.</summary>
    Task<PollDeliveryReport> ReportAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>The poll's first card page as Adaptive Card JSON, for the tab's preview (the official renderer draws it).</summary>
    Task<System.Text.Json.JsonElement> PreviewAsync(Poll poll, string language, CancellationToken cancellationToken);
}

/// <summary>
/// Counts per person for 1:1 delivery; chats and channels count as one delivery each. <see cref="NotReached"/> names
/// the people who did not get the card and why (for organizers only: it is about reach, never about answers).
/// </summary>
public sealed record PollDeliveryReport(string PollId, int Total, int Delivered, int Failed, int Unreachable, int Pending, bool Finished)
{
    public IReadOnlyList<NotReachedPerson> NotReached { get; init; } = [];
}

/// <summary>
/// Reason: blocked, noTeams, policy (see Leitbild.Teams.Bot.Broadcast.UnreachableReasons), interrupted, or the
/// connector's status and code for other failures.
/// </summary>
public sealed record NotReachedPerson(string PersonId, string DisplayName, string State, string? Reason);
