namespace Leitbild.Teams.Core.Scheduling.Interviews;

/// <summary>Who conducts an interview: any one of the interviewers, or all of them together.</summary>
public enum InterviewerMode
{
    AnyOne,
    All,
}

/// <summary>An organizer's round of interviews: who interviews, how long, within which window.</summary>
public sealed record InterviewCampaign
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string OrganizerId { get; init; }
    /// <summary>The process phase (Baustein) the interviews belong to; null when the organizer named none.</summary>
    public string? PhaseId { get; init; }
    /// <summary>Interviewers by SMTP address, in the organizer's order.</summary>
    public required IReadOnlyList<string> InterviewerEmails { get; init; }
    public required InterviewerMode Mode { get; init; }
    public required TimeSpan Duration { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    /// <summary>A room for every interview; null: online only (Teams).</summary>
    public string? RoomEmail { get; init; }
    /// <summary>Kept free after each interview (notes, a short break) in the interviewer's calendar.</summary>
    public TimeSpan BufferAfter { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public enum InterviewStatus
{
    /// <summary>Proposals are out; nothing booked yet.</summary>
    Proposed,
    /// <summary>A slot is claimed and the calendar event is being written.</summary>
    Booking,
    Booked,
    Cancelled,
    /// <summary>No common free time was found in the window.</summary>
    NoSlots,
}

/// <summary>A booked time with who conducts it and where.</summary>
public sealed record InterviewSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> InterviewerEmails, string? RoomEmail);

public sealed record Interview
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required string IntervieweeId { get; init; }
    public required string IntervieweeEmail { get; init; }
    public required InterviewStatus Status { get; init; }
    public InterviewSlot? Booked { get; init; }
    /// <summary>While <see cref="InterviewStatus.Booking"/>: the proposal being booked.</summary>
    public string? PendingProposalId { get; init; }
    public string? EventId { get; init; }
    /// <summary>The mailbox that owns the event (an interviewer).</summary>
    public string? OrganizerEmail { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}

public enum ProposalStatus
{
    Open,
    /// <summary>Booked by its interviewee.</summary>
    Taken,
    /// <summary>Withdrawn: another proposal was booked, the interview was cancelled, or new proposals replaced it.</summary>
    Released,
}

public sealed record InterviewProposal
{
    public required string Id { get; init; }
    public required string InterviewId { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required IReadOnlyList<string> InterviewerEmails { get; init; }
    public string? RoomEmail { get; init; }
    /// <summary>1 = best.</summary>
    public required int Rank { get; init; }
    public required ProposalStatus Status { get; init; }
}

public sealed record SlotClaim(string InterviewId, string ProposalId, IReadOnlyCollection<SlotKey> Keys, DateTimeOffset At);

public enum ClaimOutcome
{
    Claimed,
    /// <summary>Someone else holds at least one of the cells (an interviewer or the room is taken).</summary>
    SlotTaken,
    /// <summary>Another click of the same interview is being booked right now.</summary>
    AlreadyBooking,
    /// <summary>The proposal was released or booked, or the interview was cancelled.</summary>
    ProposalNotOpen,
    NotFound,
}
