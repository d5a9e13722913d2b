using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Directory;

/// <summary>
/// Brings the directory up to date with Entra ID: the changes since the last delta link, or everything when there is
/// none or it has expired; then the mapped groups and the app roles. The new state replaces the old one only when
/// every read succeeded, so a failed or partial sync never empties or half-fills the directory.
/// </summary>
public sealed class DirectorySync(IEntraDirectorySource source, IDirectoryStateStore store, EntraDirectory directory, IDirectory template, TimeProvider time)
{
    public async Task<DirectorySyncStatus> RunAsync(CancellationToken cancellationToken)
    {
        var previous = await store.LoadAsync(cancellationToken);
        var divisions = (await template.GetOrganisationAsync(cancellationToken)).Divisions;
        var full = previous is null;
        DirectorySyncStatus status;
        try
        {
            var (users, deltaLink, wasFull) = await ReadUsersAsync(previous, cancellationToken);
            full = wasFull;
            if (users.Count == 0 && previous is { Users.Count: > 0 })
            {
                // Entra never loses every user at once; an empty answer is a fault, not a change.
                throw new EntraReadException("empty-directory");
            }
            var groups = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in DirectoryPlacement.MappedGroups(divisions))
            {
                groups[group] = await source.GroupMemberIdsAsync(group, cancellationToken);
            }
            var roles = await source.AppRolesAsync(cancellationToken);
            var state = new DirectoryState { Users = users, DeltaLink = deltaLink, GroupMembers = groups, Roles = roles, SyncedAt = time.GetUtcNow() };
            await store.SaveAsync(state, cancellationToken);
            directory.Use(divisions, state);
            status = new DirectorySyncStatus(state.SyncedAt, true, null, full);
        }
        catch (Exception e) when (e is EntraReadException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            status = new DirectorySyncStatus(time.GetUtcNow(), false, e is EntraReadException read ? read.Code : e.GetType().Name, full);
        }
        await store.SaveStatusAsync(status, cancellationToken);
        return status;
    }

    private async Task<(IReadOnlyList<EntraUser> Users, string DeltaLink, bool Full)> ReadUsersAsync(DirectoryState? previous, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            try
            {
                var delta = await source.ReadUserChangesAsync(previous.DeltaLink, cancellationToken);
                return (Apply(previous.Users, delta.Changes), delta.DeltaLink, false);
            }
            catch (EntraDeltaExpiredException)
            {
                // Graph keeps delta state for a limited time; the answer is a fresh full read.
            }
        }
        var all = await source.ReadAllUsersAsync(cancellationToken);
        return (all.Users, all.DeltaLink, true);
    }

    private static IReadOnlyList<EntraUser> Apply(IReadOnlyList<EntraUser> users, IReadOnlyList<EntraUserChange> changes)
    {
        var byId = users.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var change in changes)
        {
            if (change.Removed)
            {
                byId.Remove(change.Id);
            }
            else
            {
                byId[change.Id] = byId.TryGetValue(change.Id, out var known) ? known.With(change) : change.ToUser();
            }
        }
        return byId.Values.ToList();
    }
}
