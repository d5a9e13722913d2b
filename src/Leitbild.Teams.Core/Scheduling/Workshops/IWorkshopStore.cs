namespace Leitbild.Teams.Core.Scheduling.Workshops;

/// <summary>Workshops, their slot votes and ballots. Status moves are compare-and-set, so a vote that decides itself
/// and an organizer who books by hand can never book the same workshop twice.</summary>
public interface IWorkshopStore
{
    Task CreateWorkshopAsync(Workshop workshop, CancellationToken cancellationToken);

    Task<Workshop?> GetWorkshopAsync(string workshopId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Workshop>> ListWorkshopsAsync(CancellationToken cancellationToken);

    /// <summary>Moves the workshop from <paramref name="from"/> to <paramref name="to"/>; false when it was in another status.</summary>
    Task<bool> TryMoveAsync(string workshopId, WorkshopStatus from, WorkshopStatus to, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Booking → Booked with the event's time, room and id.</summary>
    Task CompleteBookingAsync(string workshopId, DateTimeOffset start, DateTimeOffset end, string? roomEmail, string eventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Planning → Voting together with the new vote, atomically; false when the workshop was not in Planning.</summary>
    Task<bool> TryStartVoteAsync(SlotVote vote, CancellationToken cancellationToken);

    Task<SlotVote?> GetVoteAsync(string voteId, CancellationToken cancellationToken);

    Task<SlotVote?> GetVoteOfWorkshopAsync(string workshopId, CancellationToken cancellationToken);

    /// <summary>Open votes whose deadline has passed, and decided votes whose workshop is not booked yet.</summary>
    Task<IReadOnlyList<SlotVote>> ListVotesToSettleAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task SaveBallotAsync(Ballot ballot, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ballot>> ListBallotsAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>Open → Decided with the chosen option; false when the vote was no longer open.</summary>
    Task<bool> TryDecideVoteAsync(string voteId, int option, DateTimeOffset at, CancellationToken cancellationToken);
}
