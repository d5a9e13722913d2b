using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Privacy;

/// <summary>
/// When personal data may no longer be kept (Art. 5(1)(e) DSGVO, storage limitation): a configured number of days after
/// the process has ended. The installation's data is not split by process (a person's bookings, answers and chats serve
/// the whole round), so the day comes only once every stored process has finished — all phases done or cancelled —
/// and the last of them ended the retention period ago. A running or planned process keeps everything.
/// </summary>
public static class RetentionSchedule
{
    public const int MinimumDays = 30;
    public const int MaximumDays = 3650;

    /// <summary>The day the process ended (the latest phase end), or null while any process still runs or none exists.</summary>
    public static DateOnly? EndedOn(IReadOnlyList<ProcessTemplate> processes)
    {
        var phases = processes.SelectMany(p => p.Phases).ToList();
        if (phases.Count == 0 || !processes.All(RunningProcess.IsFinished))
        {
            return null;
        }
        return phases.Max(p => p.ActualEnd ?? p.PlannedEnd);
    }

    /// <summary>The first day on which personal data is to be deleted, or null while it must be kept.</summary>
    public static DateOnly? DeletionDueOn(IReadOnlyList<ProcessTemplate> processes, int retentionDays)
    {
        if (retentionDays is < MinimumDays or > MaximumDays)
        {
            throw new ArgumentOutOfRangeException(nameof(retentionDays), retentionDays, $"Retention is {MinimumDays}–{MaximumDays} days.");
        }
        return EndedOn(processes)?.AddDays(retentionDays);
    }

    public static bool IsDue(IReadOnlyList<ProcessTemplate> processes, int retentionDays, DateOnly today) =>
        DeletionDueOn(processes, retentionDays) is { } due && due <= today;
}
