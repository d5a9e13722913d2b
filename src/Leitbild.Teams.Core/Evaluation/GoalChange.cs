using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>What a workshop decided about a goal.</summary>
public enum GoalOutcomeKind
{
    Confirmed,
    Reworded,
    /// <summary>Folded into another goal, which carries on; this one leaves the catalogue.</summary>
    Merged,
    Dropped,
}

public enum GoalPriority
{
    High,
    Medium,
    Low,
}

/// <summary>
/// One entry of the goal catalogue's history: a workshop's outcome for one goal, and the poll (run during the workshop)
/// it rests on, if any. Entries are only ever added; the current catalogue is the seed with all entries applied.
/// </summary>
public sealed record GoalChange
{
    /// <summary>Order of recording (the store's sequence); ties in a phase are applied in this order.</summary>
    public required long Sequence { get; init; }
    public required string GoalId { get; init; }
    public required GoalOutcomeKind Kind { get; init; }
    /// <summary>The workshop (a phase of kind workshop) that decided it.</summary>
    public required string PhaseId { get; init; }
    /// <summary>The poll run during the workshop that the decision rests on, if any.</summary>
    public string? PollId { get; init; }
    /// <summary>The agreed wording (Reworded only).</summary>
    public LocalizedText? NewText { get; init; }
    /// <summary>The goal it was merged into (Merged only).</summary>
    public string? MergedIntoGoalId { get; init; }
    /// <summary>Confirmed and Reworded carry a priority; Merged and Dropped none.</summary>
    public GoalPriority? Priority { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>An organizer's outcome before it is stored (sequence and time are the store's).</summary>
public sealed record GoalOutcome
{
    public required string GoalId { get; init; }
    public required GoalOutcomeKind Kind { get; init; }
    public required string PhaseId { get; init; }
    public string? PollId { get; init; }
    public LocalizedText? NewText { get; init; }
    public string? MergedIntoGoalId { get; init; }
    public GoalPriority? Priority { get; init; }

    public GoalChange ToChange(long sequence, DateTimeOffset at) => new()
    {
        Sequence = sequence,
        GoalId = GoalId,
        Kind = Kind,
        PhaseId = PhaseId,
        PollId = string.IsNullOrWhiteSpace(PollId) ? null : PollId.Trim(),
        NewText = Kind == GoalOutcomeKind.Reworded && NewText is { } text ? new LocalizedText(text.De.Trim(), text.En.Trim()) : null,
        MergedIntoGoalId = Kind == GoalOutcomeKind.Merged ? MergedIntoGoalId : null,
        Priority = Kind is GoalOutcomeKind.Confirmed or GoalOutcomeKind.Reworded ? Priority : null,
        RecordedAt = at,
    };
}
