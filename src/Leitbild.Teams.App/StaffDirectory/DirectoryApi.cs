using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

// Not "Leitbild.Teams.App.Directory": that namespace would hide System.IO.Directory from every other feature.
namespace Leitbild.Teams.App.StaffDirectory;

/// <summary>
/// For organizers: where the people come from, the latest sync, and everyone no rule of the template places
/// ("ohne Amt") with the Entra department that did not match, so the mapping can be fixed.
/// </summary>
public static class DirectoryApi
{
    public sealed record UnplacedPerson(string Id, string DisplayName, string Email, string? JobTitle, string? EntraDepartment, bool IsGuest);

    public sealed record SyncView(DateTimeOffset AttemptedAt, bool Ok, string? Error, bool FullSync, DateTimeOffset? LastGoodSync);

    public sealed record DirectoryOverview(string Source, int People, IReadOnlyList<UnplacedPerson> Unplaced, SyncView? Sync);

    public const string SourceTemplate = "template";
    public const string SourceEntra = "entra";

    public static async Task<IResult> GetOverview(IOptions<LeitbildOptions> options, IDirectory directory, EntraDirectory entra, IDirectoryStateStore store, CancellationToken cancellationToken)
    {
        if (options.Value.Mode != AppMode.Microsoft365)
        {
            var organisation = await directory.GetOrganisationAsync(cancellationToken);
            return Results.Ok(new DirectoryOverview(SourceTemplate, organisation.People.Count, [], null));
        }
        var placed = await entra.CurrentAsync(cancellationToken);
        var state = await store.LoadAsync(cancellationToken);
        var departments = state?.Users.ToDictionary(u => u.Id, u => u.Department, StringComparer.OrdinalIgnoreCase) ?? [];
        var unplaced = placed.Unplaced
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .Select(p => new UnplacedPerson(p.Id, p.DisplayName, p.Email, p.JobTitle, departments.GetValueOrDefault(p.Id), p.IsGuest))
            .ToList();
        var status = await store.LoadStatusAsync(cancellationToken);
        var sync = status is null ? null : new SyncView(status.AttemptedAt, status.Ok, status.Error, status.FullSync, placed.SyncedAt);
        return Results.Ok(new DirectoryOverview(SourceEntra, placed.Organisation.People.Count, unplaced, sync));
    }
}
