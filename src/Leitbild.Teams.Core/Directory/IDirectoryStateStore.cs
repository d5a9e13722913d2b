using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Directory;

/// <summary>Where the last good directory sync and the state of the latest attempt are kept.</summary>
public interface IDirectoryStateStore
{
    Task<DirectoryState?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the kept state in one write: a sync is kept whole or not at all.</summary>
    Task SaveAsync(DirectoryState state, CancellationToken cancellationToken);

    Task<DirectorySyncStatus?> LoadStatusAsync(CancellationToken cancellationToken);

    Task SaveStatusAsync(DirectorySyncStatus status, CancellationToken cancellationToken);
}

/// <summary>Everything one successful sync read from Entra ID.</summary>
public sealed record DirectoryState
{
    public required IReadOnlyList<EntraUser> Users { get; init; }
    public required string DeltaLink { get; init; }
    /// <summary>Members of each group the template maps to an office.</summary>
    public required IReadOnlyDictionary<string, IReadOnlySet<string>> GroupMembers { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<Role>> Roles { get; init; }
    public required DateTimeOffset SyncedAt { get; init; }
}

/// <summary>The latest attempt: when, whether it worked, and an error code (never personal data) when not.</summary>
public sealed record DirectorySyncStatus(DateTimeOffset AttemptedAt, bool Ok, string? Error, bool FullSync);
