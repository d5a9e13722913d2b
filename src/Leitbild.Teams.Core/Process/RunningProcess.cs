using Leitbild.Teams.Core.Problems;

namespace Leitbild.Teams.Core.Process;

/// <summary>
/// Which of the installation's processes (rounds) people are working in today. The one rule for it: a process that has
/// a running phase, or whose dates include today and that is not finished, is running; of several, the one that began
/// last. With none running: the next one to begin, else the one that ended last.
/// </summary>
public static class RunningProcess
{
    public static ProcessTemplate? Among(IReadOnlyList<ProcessTemplate> processes, DateOnly today)
    {
        if (processes.Count == 0)
        {
            return null;
        }
        var running = processes.Where(p => IsRunning(p, today)).OrderByDescending(Start).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        if (running is not null)
        {
            return running;
        }
        var next = processes.Where(p => Start(p) > today).OrderBy(Start).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        return next ?? processes.OrderByDescending(End).ThenBy(p => p.Id, StringComparer.Ordinal).First();
    }

    public static bool IsFinished(ProcessTemplate process) =>
        process.Phases.All(p => p.Status is PhaseStatus.Done or PhaseStatus.Cancelled);

    private static bool IsRunning(ProcessTemplate process, DateOnly today) =>
        !IsFinished(process) && (process.Phases.Any(p => p.Status == PhaseStatus.Running) || (Start(process) <= today && today <= End(process)));

    private static DateOnly Start(ProcessTemplate process) => process.Phases.Min(p => p.ActualStart ?? p.PlannedStart);

    private static DateOnly End(ProcessTemplate process) => process.Phases.Max(p => p.ActualEnd ?? p.PlannedEnd);
}

public static class RunningProcessStore
{
    /// <summary>The running process (<see cref="RunningProcess.Among"/>), or null when the installation has none.</summary>
    public static async Task<ProcessTemplate?> GetRunningAsync(this IProcessStore store, TimeProvider time, CancellationToken cancellationToken) =>
        RunningProcess.Among(await store.ListProcessesAsync(cancellationToken), DateOnly.FromDateTime(Scheduling.BerlinTime.ToLocal(time.GetUtcNow())));

    /// <summary>The running process; a <see cref="ProblemException"/> (not found) when there is none.</summary>
    public static async Task<ProcessTemplate> RequireRunningAsync(this IProcessStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.GetRunningAsync(time, cancellationToken) ?? throw ProblemException.NotFound("process", "problem.process.none");
}
