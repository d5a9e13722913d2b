using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Directory;

/// <summary>
/// The directory of Microsoft 365 mode: the template's Dezernate and Ämter (the process's vocabulary) filled with the
/// people of the last good Entra sync. Before the first sync it knows the units and nobody.
/// </summary>
public sealed class EntraDirectory(IDirectory template, IDirectoryStateStore store) : IDirectory
{
    private volatile PlacedDirectory? _current;

    public async Task<PlacedDirectory> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }
        var divisions = (await template.GetOrganisationAsync(cancellationToken)).Divisions;
        var state = await store.LoadAsync(cancellationToken);
        var placed = state is null
            ? new PlacedDirectory(new Organisation { Divisions = divisions, People = [] }, [])
            : DirectoryPlacement.Place(divisions, state);
        // Only a real sync is worth keeping; an empty start is asked again until the first sync has run.
        if (state is not null)
        {
            _current = placed;
        }
        return placed;
    }

    /// <summary>Called by the sync after it saved a new state.</summary>
    public void Use(IReadOnlyList<Division> divisions, DirectoryState state) => _current = DirectoryPlacement.Place(divisions, state);

    public async Task<Organisation> GetOrganisationAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Organisation;

    public async Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken) =>
        (await GetOrganisationAsync(cancellationToken)).FindPerson(personId);

    public async Task<IReadOnlyList<Person>> PeopleInUnitAsync(string unitId, CancellationToken cancellationToken) =>
        (await GetOrganisationAsync(cancellationToken)).PeopleIn(unitId);
}
