namespace Leitbild.Teams.Core.Scheduling.Workshops;

public enum WorkshopStatus
{
    Planning,
    /// <summary>A slot vote is running.</summary>
    Voting,
    /// <summary>The calendar event is being written.</summary>
    Booking,
    Booked,
    Cancelled,
}

public sealed record WorkshopParticipant(string PersonId, string Email, string DisplayName, bool IsRequired);

/// <summary>A workshop (e.g. goal discussion, deepening): who, where, how long, when roughly, and once booked, when exactly.</summary>
public sealed record Workshop
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string OrganizerId { get; init; }
    public required string OrganizerEmail { get; init; }
    /// <summary>The process phase (Baustein) the workshop belongs to; null when the organizer named none.</summary>
    public string? PhaseId { get; init; }
    public required IReadOnlyList<WorkshopParticipant> Participants { get; init; }
    /// <summary>Online (Teams only) when false; a room that fits everyone when true.</summary>
    public required bool NeedsRoom { get; init; }
    public int? MinimumCapacity { get; init; }
    public required TimeSpan Duration { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public TimeOnly? EarliestTimeOfDay { get; init; }
    public TimeOnly? LatestTimeOfDay { get; init; }
    public double Quorum { get; init; }
    public IReadOnlyList<DayOfWeek> PreferredDays { get; init; } = [];
    public TimeSpan BufferBefore { get; init; }
    public TimeSpan BufferAfter { get; init; }
    public required WorkshopStatus Status { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? RoomEmail { get; init; }
    public string? EventId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public enum VoteAnswer
{
    Yes,
    Maybe,
    No,
}

public enum SlotVoteStatus
{
    Open,
    /// <summary>An option was chosen (all required said yes, or the deadline passed).</summary>
    Decided,
    Cancelled,
}

public sealed record VoteOption(int Index, DateTimeOffset Start, DateTimeOffset End, string? RoomEmail);

/// <summary>A FindTime-like vote: 3–5 options, each participant answers yes / maybe / no per option.</summary>
public sealed record SlotVote
{
    public required string Id { get; init; }
    public required string WorkshopId { get; init; }
    public required IReadOnlyList<VoteOption> Options { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required SlotVoteStatus Status { get; init; }
    public int? DecidedOption { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One person's answers in a vote; a new ballot from the same person replaces the old one.</summary>
public sealed record Ballot(string VoteId, string PersonId, IReadOnlyDictionary<int, VoteAnswer> Answers, DateTimeOffset At);

public sealed record OptionTally(VoteOption Option, int Yes, int Maybe, int No, int RequiredYes, int RequiredNo, int RequiredCount);
