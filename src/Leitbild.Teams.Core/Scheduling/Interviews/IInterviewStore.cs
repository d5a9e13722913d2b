namespace Leitbild.Teams.Core.Scheduling.Interviews;

/// <summary>
/// Campaigns, interviews, proposals and slot claims. <see cref="TryClaimAsync"/> is the lock that prevents double
/// booking: it must be atomic, and claim keys must be unique across all interviews (SQLite: primary key on
/// (calendar, cell) inside one transaction).
/// </summary>
public interface IInterviewStore
{
    Task CreateCampaignAsync(InterviewCampaign campaign, IReadOnlyList<Interview> interviews, IReadOnlyList<InterviewProposal> proposals, CancellationToken cancellationToken);

    Task<InterviewCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken);

    Task<IReadOnlyList<InterviewCampaign>> ListCampaignsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Interview>> ListInterviewsAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Every interview of one interviewee (person id), newest first, across campaigns.</summary>
    Task<IReadOnlyList<Interview>> ListInterviewsOfPersonAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Interviews left in <see cref="InterviewStatus.Booking"/> (e.g. by a crash), to finish them.</summary>
    Task<IReadOnlyList<Interview>> ListPendingBookingsAsync(CancellationToken cancellationToken);

    Task<Interview?> GetInterviewAsync(string interviewId, CancellationToken cancellationToken);

    Task<IReadOnlyList<InterviewProposal>> ListProposalsAsync(string interviewId, CancellationToken cancellationToken);

    Task<InterviewProposal?> GetProposalAsync(string proposalId, CancellationToken cancellationToken);

    /// <summary>Which interview holds each of these keys (keys nobody holds are absent).</summary>
    Task<IReadOnlyDictionary<SlotKey, string>> GetClaimOwnersAsync(IReadOnlyCollection<SlotKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically: the interview is Proposed or Booked (not Booking), the proposal is Open and belongs to it, and
    /// every key is free or already held by this interview. Then the keys are held by the interview, which moves to
    /// Booking with the proposal pending. Otherwise nothing changes.
    /// </summary>
    Task<ClaimOutcome> TryClaimAsync(SlotClaim claim, CancellationToken cancellationToken);

    /// <summary>Booking → Booked at the pending proposal's slot: the proposal is Taken, the interview's other open
    /// proposals are Released, and the keys of a previous slot in <paramref name="release"/> are given up.</summary>
    Task ConfirmBookingAsync(string interviewId, string proposalId, string eventId, string organizerEmail, IReadOnlyCollection<SlotKey> release, CancellationToken cancellationToken);

    /// <summary>Booking → back to Booked (if a slot was booked before) or Proposed; the new keys in
    /// <paramref name="release"/> are given up. Used when the calendar write failed.</summary>
    Task AbandonClaimAsync(string interviewId, string proposalId, IReadOnlyCollection<SlotKey> release, CancellationToken cancellationToken);

    /// <summary>Cancelled: all keys given up, open proposals released. False when the interview does not exist.</summary>
    Task<bool> CancelAsync(string interviewId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Releases the interview's open proposals and adds these instead (rescheduling). The booked slot stays.</summary>
    Task ReplaceOpenProposalsAsync(string interviewId, IReadOnlyList<InterviewProposal> proposals, DateTimeOffset at, CancellationToken cancellationToken);
}
