using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Process;

public class PhaseScheduleChangeTests
{
    private static readonly Phase Workshop = new()
    {
        Id = "workshop-1",
        Kind = PhaseKind.Workshop,
        Title = new("Workshop 1 – Zieldiskussion", "Workshop 1 – goal discussion"),
        PlannedStart = new(2024, 5, 14),
        PlannedEnd = new(2024, 5, 14),
        ParticipantGroups = ["dez-4"],
    };

    private static PhaseScheduleChange Change(string plannedStart, string plannedEnd, string? actualStart = null, string? actualEnd = null, PhaseStatus status = PhaseStatus.Planned) => new()
    {
        PlannedStart = DateOnly.Parse(plannedStart),
        PlannedEnd = DateOnly.Parse(plannedEnd),
        ActualStart = actualStart is null ? null : DateOnly.Parse(actualStart),
        ActualEnd = actualEnd is null ? null : DateOnly.Parse(actualEnd),
        Status = status,
    };

    [Fact]
    public void AOneDayPhaseWithMatchingActualDatesHasNoProblem() =>
        Assert.Empty(Change("2024-05-21", "2024-05-21", "2024-05-21", "2024-05-21", PhaseStatus.Done).Problems());

    [Fact]
    public void APlannedEndBeforeThePlannedStartIsNamedInGermanAndEnglish()
    {
        var problem = Assert.Single(Change("2024-05-21", "2024-05-20").Problems());
        Assert.Equal("plannedEnd", problem.Field);
        Assert.Equal("Das geplante Ende (20.05.2024) liegt vor dem geplanten Beginn (21.05.2024).", problem.Problem.De);
        Assert.Equal("The planned end (2024-05-20) is before the planned start (2024-05-21).", problem.Problem.En);
    }

    [Fact]
    public void AnActualEndNeedsAnActualStart() =>
        Assert.Equal("actualStart", Assert.Single(Change("2024-05-21", "2024-05-21", actualEnd: "2024-05-21").Problems()).Field);

    [Fact]
    public void AnActualEndBeforeTheActualStartIsAProblem() =>
        Assert.Equal("actualEnd", Assert.Single(Change("2024-05-21", "2024-05-21", "2024-05-22", "2024-05-21").Problems()).Field);

    [Fact]
    public void AFinishedPhaseThatStartedNeedsAnEnd() =>
        Assert.Equal("actualEnd", Assert.Single(Change("2024-05-21", "2024-05-21", "2024-05-21", status: PhaseStatus.Done).Problems()).Field);

    [Fact]
    public void EveryProblemIsNamedAtOnce() =>
        Assert.Equal(["plannedEnd", "actualEnd"], Change("2024-05-21", "2024-05-01", "2024-05-21", "2024-05-01").Problems().Select(p => p.Field));

    [Fact]
    public void ApplyingChangesOnlyDatesAndStatus()
    {
        var changed = Change("2024-05-21", "2024-05-22", "2024-05-21", "2024-05-22", PhaseStatus.Done).ApplyTo(Workshop);
        Assert.Equal(new DateOnly(2024, 5, 21), changed.PlannedStart);
        Assert.Equal(new DateOnly(2024, 5, 22), changed.ActualEnd);
        Assert.Equal(PhaseStatus.Done, changed.Status);
        Assert.Equal(Workshop.Title, changed.Title);
        Assert.Equal(Workshop.ParticipantGroups, changed.ParticipantGroups);
    }

    [Fact]
    public void AChangeWithProblemsCannotBeApplied() =>
        Assert.Throws<InvalidOperationException>(() => Change("2024-05-21", "2024-05-20").ApplyTo(Workshop));
}
