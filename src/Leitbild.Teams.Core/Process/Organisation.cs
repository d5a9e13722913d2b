namespace Leitbild.Teams.Core.Process;

/// <summary>The administration: divisions (Dezernate) with offices (Ämter), and the people in them.</summary>
public sealed record Organisation
{
    public required IReadOnlyList<Division> Divisions { get; init; }
    public required IReadOnlyList<Person> People { get; init; }

    public IEnumerable<Office> Offices => Divisions.SelectMany(d => d.Offices);

    public Office? FindOffice(string officeId) => Offices.FirstOrDefault(o => o.Id == officeId);

    public Division? DivisionOf(string officeId) => Divisions.FirstOrDefault(d => d.Offices.Any(o => o.Id == officeId));

    public Person? FindPerson(string personId) => People.FirstOrDefault(p => p.Id == personId);

    /// <summary>Everyone in a Dezernat (all its offices) or an Amt, by the unit's id.</summary>
    public IReadOnlyList<Person> PeopleIn(string unitId)
    {
        var division = Divisions.FirstOrDefault(d => d.Id == unitId);
        var officeIds = division is not null
            ? division.Offices.Select(o => o.Id).ToHashSet(StringComparer.Ordinal)
            : [unitId];
        return People.Where(p => p.OfficeId is not null && officeIds.Contains(p.OfficeId)).ToList();
    }
}

public sealed record Division
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public required IReadOnlyList<Office> Offices { get; init; }
}

public sealed record Office
{
    public required string Id { get; init; }
    /// <summary>Short code as the city writes it, e.g. "StA 61".</summary>
    public required string Code { get; init; }
    public required LocalizedText Name { get; init; }
    /// <summary>How Microsoft 365 mode fills the office from Entra ID; local mode ignores it.</summary>
    public EntraOfficeRule? Entra { get; init; }
}

/// <summary>
/// Who belongs to an office in Entra ID: members of any of the groups (transitive), or else people whose
/// <c>department</c> is one of the values. Groups win over departments, because a group is chosen on purpose.
/// </summary>
public sealed record EntraOfficeRule
{
    public IReadOnlyList<string> Departments { get; init; } = [];
    public IReadOnlyList<string> Groups { get; init; } = [];
}

public enum Role
{
    Staff,
    Reviewer,
    Organizer,
}

public sealed record Person
{
    /// <summary>Entra object id (a GUID) in Microsoft 365 mode; the seeded directory uses fixed GUIDs too.</summary>
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    /// <summary>The person's office; null for guests such as external moderators.</summary>
    public string? OfficeId { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [Role.Staff];
    /// <summary>A guest in the tenant (e.g. an external moderator): may organize, never sees raw identities.</summary>
    public bool IsGuest { get; init; }
    public string? JobTitle { get; init; }
    public string PreferredLanguage { get; init; } = "de";
    public WorkingHours? WorkingHours { get; init; }

    public bool Has(Role role) => Roles.Contains(role);
}

/// <summary>Weekly working hours in Europe/Berlin local time.</summary>
public sealed record WorkingHours
{
    public required IReadOnlyList<DayOfWeek> Days { get; init; }
    public required TimeOnly Start { get; init; }
    public required TimeOnly End { get; init; }

    /// <summary>Graph's default when a mailbox reports nothing, and the city's core hours.</summary>
    public static WorkingHours Default { get; } = new()
    {
        Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        Start = new TimeOnly(8, 0),
        End = new TimeOnly(16, 0),
    };
}
