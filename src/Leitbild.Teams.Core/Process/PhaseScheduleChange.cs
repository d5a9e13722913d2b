namespace Leitbild.Teams.Core.Process;

/// <summary>A field of a change that breaks a rule, and what is wrong with it in German and English.</summary>
public sealed record FieldProblem(string Field, LocalizedText Problem);

/// <summary>
/// An organizer's new dates and status for one phase. <see cref="Problems"/> names every broken rule at once,
/// so a form can mark all wrong fields in one round; <see cref="ApplyTo"/> is only for a change without problems.
/// </summary>
public sealed record PhaseScheduleChange
{
    public required DateOnly PlannedStart { get; init; }
    public required DateOnly PlannedEnd { get; init; }
    public DateOnly? ActualStart { get; init; }
    public DateOnly? ActualEnd { get; init; }
    public required PhaseStatus Status { get; init; }

    public IReadOnlyList<FieldProblem> Problems()
    {
        var problems = new List<FieldProblem>();
        if (PlannedEnd < PlannedStart)
        {
            problems.Add(new("plannedEnd", new(
                $"Das geplante Ende ({PlannedEnd:dd.MM.yyyy}) liegt vor dem geplanten Beginn ({PlannedStart:dd.MM.yyyy}).",
                $"The planned end ({PlannedEnd:yyyy-MM-dd}) is before the planned start ({PlannedStart:yyyy-MM-dd}).")));
        }
        if (ActualEnd is { } end && ActualStart is null)
        {
            problems.Add(new("actualStart", new(
                "Ein tatsächliches Ende braucht einen tatsächlichen Beginn.",
                "An actual end needs an actual start.")));
        }
        if (ActualStart is { } start && ActualEnd is { } actualEnd && actualEnd < start)
        {
            problems.Add(new("actualEnd", new(
                $"Das tatsächliche Ende ({actualEnd:dd.MM.yyyy}) liegt vor dem tatsächlichen Beginn ({start:dd.MM.yyyy}).",
                $"The actual end ({actualEnd:yyyy-MM-dd}) is before the actual start ({start:yyyy-MM-dd}).")));
        }
        if (Status == PhaseStatus.Done && ActualStart is not null && ActualEnd is null)
        {
            problems.Add(new("actualEnd", new(
                "Ein abgeschlossener Baustein mit tatsächlichem Beginn braucht auch ein tatsächliches Ende.",
                "A finished phase with an actual start needs an actual end too.")));
        }
        return problems;
    }

    public Phase ApplyTo(Phase phase)
    {
        if (Problems().Count > 0)
        {
            throw new InvalidOperationException("A change with problems cannot be applied.");
        }
        return phase with
        {
            PlannedStart = PlannedStart,
            PlannedEnd = PlannedEnd,
            ActualStart = ActualStart,
            ActualEnd = ActualEnd,
            Status = Status,
        };
    }
}
