using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Directory;

/// <summary>The organisation a sync yields: the template's units with Entra's people, the members no rule places, and when that sync ran (null before the first).</summary>
public sealed record PlacedDirectory(Organisation Organisation, IReadOnlyList<Person> Unplaced, DateTimeOffset? SyncedAt = null);

/// <summary>
/// Puts Entra users into the template's offices. Disabled accounts are left out of everything; guests are guests;
/// a member no rule places stays in the directory without an office and is listed as unplaced, never dropped.
/// </summary>
public static class DirectoryPlacement
{
    public static PlacedDirectory Place(IReadOnlyList<Division> divisions, DirectoryState state)
    {
        var offices = divisions.SelectMany(d => d.Offices).ToList();
        var people = new List<Person>();
        var unplaced = new List<Person>();
        foreach (var user in state.Users.Where(u => u.IsEnabled).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ThenBy(u => u.Id, StringComparer.Ordinal))
        {
            var office = OfficeFor(user, offices, state.GroupMembers);
            var roles = state.Roles.TryGetValue(user.Id, out var held) ? held : [];
            var person = new Person
            {
                Id = user.Id,
                DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserPrincipalName ?? user.Id : user.DisplayName,
                Email = user.Mail ?? user.UserPrincipalName ?? "",
                OfficeId = office?.Id,
                IsGuest = user.IsGuest,
                JobTitle = user.JobTitle,
                Roles = RolesOf(roles, user.IsGuest),
            };
            people.Add(person);
            if (office is null && !user.IsGuest)
            {
                unplaced.Add(person);
            }
        }
        return new PlacedDirectory(new Organisation { Divisions = divisions, People = people }, unplaced, state.SyncedAt);
    }

    /// <summary>Every group any office names: the sync reads their members.</summary>
    public static IReadOnlyList<string> MappedGroups(IReadOnlyList<Division> divisions) =>
        divisions.SelectMany(d => d.Offices).SelectMany(o => o.Entra?.Groups ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static Office? OfficeFor(EntraUser user, IReadOnlyList<Office> offices, IReadOnlyDictionary<string, IReadOnlySet<string>> groupMembers)
    {
        // A group is chosen on purpose, a department value is typed by hand: groups win.
        var byGroup = offices.FirstOrDefault(o => (o.Entra?.Groups ?? []).Any(g => groupMembers.TryGetValue(g, out var members) && members.Contains(user.Id)));
        if (byGroup is not null || string.IsNullOrWhiteSpace(user.Department))
        {
            return byGroup;
        }
        var department = user.Department.Trim();
        return offices.FirstOrDefault(o => (o.Entra?.Departments ?? []).Any(d => string.Equals(d.Trim(), department, StringComparison.OrdinalIgnoreCase)));
    }

    private static IReadOnlyList<Role> RolesOf(IReadOnlyList<Role> assigned, bool guest)
    {
        var roles = new List<Role> { Role.Staff };
        if (assigned.Contains(Role.Organizer))
        {
            roles.Add(Role.Organizer);
        }
        // Guests may organize but never review results with identities (the template's rule, kept for Entra).
        if (assigned.Contains(Role.Reviewer) && !guest)
        {
            roles.Add(Role.Reviewer);
        }
        return roles;
    }
}
