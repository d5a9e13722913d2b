using Leitbild.Teams.Core.Directory;

namespace Leitbild.Teams.Core.Tests.Fakes;

public sealed class InMemoryDirectoryStateStore : IDirectoryStateStore
{
    public DirectoryState? State { get; set; }
    public DirectorySyncStatus? Status { get; private set; }

    public Task<DirectoryState?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(State);

    public Task SaveAsync(DirectoryState state, CancellationToken cancellationToken)
    {
        State = state;
        return Task.CompletedTask;
    }

    public Task<DirectorySyncStatus?> LoadStatusAsync(CancellationToken cancellationToken) => Task.FromResult(Status);

    public Task SaveStatusAsync(DirectorySyncStatus status, CancellationToken cancellationToken)
    {
        Status = status;
        return Task.CompletedTask;
    }
}
