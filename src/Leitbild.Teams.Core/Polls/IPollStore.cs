namespace Leitbild.Teams.Core.Polls;

/// <summary>Polls, who took part (kept apart from the answers), comment moderation and where cards were posted.</summary>
public interface IPollStore
{
    /// <summary>Stores a new poll; false when the id is taken.</summary>
    Task<bool> CreateAsync(Poll poll, CancellationToken cancellationToken);

    Task<Poll?> GetAsync(string pollId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Poll>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Moves the poll to <paramref name="status"/> only from <paramref name="expected"/>; false when it was elsewhere (someone else won).</summary>
    Task<bool> ChangeStatusAsync(string pollId, PollStatus expected, PollStatus status, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a person answered, for reminders only. It holds no answer and no respondent key, so it cannot be
    /// joined to the results of an anonymous poll. True the first time.
    /// </summary>
    Task<bool> RecordParticipationAsync(string pollId, string personId, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> ListParticipantsAsync(string pollId, CancellationToken cancellationToken);

    Task SaveModerationAsync(string pollId, CommentModeration moderation, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, CommentModeration>> GetModerationAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>Remembers a posted card, so it can be updated when the poll closes.</summary>
    Task SaveCardAsync(PollCard card, CancellationToken cancellationToken);

    Task<IReadOnlyList<PollCard>> ListCardsAsync(string pollId, CancellationToken cancellationToken);
}

/// <summary>A card of a poll in one conversation (a 1:1 chat, a group chat or a channel).</summary>
public sealed record PollCard(string PollId, string ConversationId, string ActivityId, string ServiceUrl, DateTimeOffset PostedAt);
