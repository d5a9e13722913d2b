using Leitbild.Teams.Core.Privacy;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Privacy;

public sealed class RetentionScheduleTests
{
    private static Phase Phase(string id, PhaseStatus status, DateOnly end, DateOnly? actualEnd = null) => new()
    {
        Id = id,
        Kind = PhaseKind.Workshop,
        Title = new(id, id),
        PlannedStart = end.AddDays(-10),
        PlannedEnd = end,
        ActualEnd = actualEnd,
        Status = status,
    };

    private static ProcessTemplate Process(string id, params Phase[] phases) => new()
    {
        Id = id,
        City = "Musterstadt",
        Title = new("Leitbild", "Vision"),
        LeadOfficeId = "a1",
        Phases = phases,
    };

    [Fact]
    public void NothingIsDueWhileAPhaseIsStillRunningHoweverLongAgoItWasPlannedToEnd()
    {
        var process = Process("p", Phase("w1", PhaseStatus.Done, new(2020, 1, 31)), Phase("w2", PhaseStatus.Running, new(2020, 2, 28)));
        Assert.Null(RetentionSchedule.DeletionDueOn([process], 30));
        Assert.False(RetentionSchedule.IsDue([process], 30, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void DeletionIsDueTheRetentionPeriodAfterTheLastActualPhaseEnd()
    {
        var process = Process("p",
            Phase("w1", PhaseStatus.Done, new(2026, 3, 31)),
            Phase("w2", PhaseStatus.Done, new(2026, 5, 31), actualEnd: new(2026, 6, 15)),
            Phase("w3", PhaseStatus.Cancelled, new(2026, 4, 30)));
        Assert.Equal(new DateOnly(2026, 6, 15), RetentionSchedule.EndedOn([process]));
        Assert.Equal(new DateOnly(2026, 9, 13), RetentionSchedule.DeletionDueOn([process], 90));
        Assert.False(RetentionSchedule.IsDue([process], 90, new DateOnly(2026, 9, 12)));
        Assert.True(RetentionSchedule.IsDue([process], 90, new DateOnly(2026, 9, 13)));
    }

    [Fact]
    public void ASecondProcessThatIsStillPlannedKeepsTheFirstOnesDataToo()
    {
        var finished = Process("2026", Phase("w1", PhaseStatus.Done, new(2026, 3, 31)));
        var planned = Process("2028", Phase("w1", PhaseStatus.Planned, new(2028, 3, 31)));
        Assert.Null(RetentionSchedule.DeletionDueOn([finished, planned], 30));
    }

    [Fact]
    public void AnInstallationWithoutAProcessOrWithoutPhasesDeletesNothing()
    {
        Assert.Null(RetentionSchedule.DeletionDueOn([], 30));
        Assert.Null(RetentionSchedule.DeletionDueOn([Process("empty")], 30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(3651)]
    public void ARetentionPeriodOutsideTheAllowedRangeIsAProgrammingError(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionSchedule.DeletionDueOn([], days));
}
