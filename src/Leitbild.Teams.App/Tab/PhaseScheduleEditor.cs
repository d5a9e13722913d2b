using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Tab;

/// <summary>
/// Applies an organizer's change to one phase. The process is stored as one document, so two edits of different phases
/// at the same moment would each read the old document and the second save would undo the first: edits run one at a time.
/// </summary>
public sealed class PhaseScheduleEditor(IProcessStore store, ILogger<PhaseScheduleEditor> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public enum Outcome
    {
        Saved,
        ProcessNotFound,
        PhaseNotFound,
    }

    public sealed record Result(Outcome Outcome, ProcessTemplate? Process);

    public async Task<Result> ApplyAsync(string processId, string phaseId, PhaseScheduleChange change, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var process = await store.GetProcessAsync(processId, cancellationToken);
            if (process is null)
            {
                return new Result(Outcome.ProcessNotFound, null);
            }
            var phases = process.Phases.ToArray();
            var index = Array.FindIndex(phases, p => p.Id == phaseId);
            if (index < 0)
            {
                return new Result(Outcome.PhaseNotFound, process);
            }
            phases[index] = change.ApplyTo(phases[index]);
            var updated = process with { Phases = phases };
            await store.SaveProcessAsync(updated, cancellationToken);
            logger.LogInformation("Phase {PhaseId} of process {ProcessId} rescheduled, status {Status}", phaseId, processId, change.Status);
            return new Result(Outcome.Saved, updated);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
