using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Fakes;

/// <summary>Entra as a test scripts it: users, pending delta changes, groups, roles, and reads that fail.</summary>
public sealed class FakeEntraSource : IEntraDirectorySource
{
    private int _generation;

    public List<EntraUser> Users { get; } = [];
    public List<EntraUserChange> PendingChanges { get; } = [];
    public Dictionary<string, HashSet<string>> Groups { get; } = [];
    public Dictionary<string, IReadOnlyList<Role>> Roles { get; } = [];
    public bool DeltaExpired { get; set; }
    /// <summary>Reads whose name is listed fail with an <see cref="EntraReadException"/>.</summary>
    public HashSet<string> Failing { get; } = [];
    public List<string> Calls { get; } = [];

    public Task<EntraUserRead> ReadAllUsersAsync(CancellationToken cancellationToken)
    {
        Call("all");
        PendingChanges.Clear();
        return Task.FromResult(new EntraUserRead(Users.ToList(), $"delta-{++_generation}"));
    }

    public Task<EntraUserDelta> ReadUserChangesAsync(string deltaLink, CancellationToken cancellationToken)
    {
        Call("delta");
        if (DeltaExpired)
        {
            throw new EntraDeltaExpiredException("expired");
        }
        var changes = PendingChanges.ToList();
        PendingChanges.Clear();
        return Task.FromResult(new EntraUserDelta(changes, $"delta-{++_generation}"));
    }

    public Task<IReadOnlySet<string>> GroupMemberIdsAsync(string groupId, CancellationToken cancellationToken)
    {
        Call("group");
        return Task.FromResult<IReadOnlySet<string>>(Groups.TryGetValue(groupId, out var members) ? members.ToHashSet() : []);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Role>>> AppRolesAsync(CancellationToken cancellationToken)
    {
        Call("roles");
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Role>>>(new Dictionary<string, IReadOnlyList<Role>>(Roles));
    }

    private void Call(string name)
    {
        Calls.Add(name);
        if (Failing.Contains(name))
        {
            throw new EntraReadException($"503 {name}");
        }
    }
}
