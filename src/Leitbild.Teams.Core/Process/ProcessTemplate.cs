namespace Leitbild.Teams.Core.Process;

/// <summary>One city's Leitbild process as data: the phases (Bausteine) it runs and who leads it.</summary>
public sealed record ProcessTemplate
{
    public required string Id { get; init; }
    public required string City { get; init; }
    public required LocalizedText Title { get; init; }
    /// <summary>The office that leads the process (an <see cref="Office.Id"/>).</summary>
    public required string LeadOfficeId { get; init; }
    public IReadOnlyList<LocalizedText> Drivers { get; init; } = [];
    public required IReadOnlyList<Phase> Phases { get; init; }
}

public enum PhaseKind
{
    Interviews,
    Workshop,
    PollRound,
    Evaluation,
    FinalReport,
    CommitteePresentation,
    Extension,
}

public enum PhaseStatus
{
    Planned,
    Running,
    Done,
    Cancelled,
}

/// <summary>One building block (Baustein) of the process.</summary>
public sealed record Phase
{
    public required string Id { get; init; }
    public required PhaseKind Kind { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Description { get; init; }
    public required DateOnly PlannedStart { get; init; }
    public required DateOnly PlannedEnd { get; init; }
    /// <summary>Dates as they really happened; the final report uses these where set.</summary>
    public DateOnly? ActualStart { get; init; }
    public DateOnly? ActualEnd { get; init; }
    public PhaseStatus Status { get; init; } = PhaseStatus.Planned;
    /// <summary>Who takes part: org unit ids (Dezernat or Amt), or one of <see cref="ParticipantGroups.Audiences"/>.</summary>
    public IReadOnlyList<string> ParticipantGroups { get; init; } = [];
    /// <summary>Fields of action discussed; empty means all.</summary>
    public IReadOnlyList<string> FieldsOfAction { get; init; } = [];
    /// <summary>Goals discussed; empty means all goals of the fields above.</summary>
    public IReadOnlyList<string> Goals { get; init; } = [];
}

public static class ParticipantGroups
{
    public const string AllStaff = "administration";
    public const string Politics = "politics";
    public const string Public = "public";
    public const string Committees = "committees";
    public static readonly IReadOnlySet<string> Audiences = new HashSet<string>(StringComparer.Ordinal) { AllStaff, Politics, Public, Committees };
}
