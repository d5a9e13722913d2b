using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Fakes;

public sealed class InMemorySeededProcessStore(ProcessTemplate process, GoalCatalogue seed) : ISeededProcessStore
{
    private ProcessTemplate _process = process;

    public Task<IReadOnlyList<ProcessTemplate>> ListProcessesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProcessTemplate>>([_process]);

    public Task<ProcessTemplate?> GetProcessAsync(string processId, CancellationToken cancellationToken) =>
        Task.FromResult(processId == _process.Id ? _process : null);

    public Task SaveProcessAsync(ProcessTemplate process, CancellationToken cancellationToken)
    {
        _process = process;
        return Task.CompletedTask;
    }

    public Task<GoalCatalogue?> GetGoalsAsync(string processId, CancellationToken cancellationToken) =>
        Task.FromResult(processId == _process.Id ? seed : null);
}
