using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Directory;

internal static class EntraSamples
{
    public const string PlanningGroup = "6b1f0c1e-7d1a-4a57-9d0e-2f3a4b5c6d7e";

    /// <summary>Two offices: planning by group (and department "Stadtplanung"), treasury by department only.</summary>
    public static IReadOnlyList<Division> Divisions { get; } =
    [
        new Division
        {
            Id = "dez-4",
            Name = new("Dezernat IV", "Division IV"),
            Offices =
            [
                new Office { Id = "sta-61", Code = "StA 61", Name = new("Stadtplanungsamt", "Planning office"), Entra = new EntraOfficeRule { Departments = ["Stadtplanung"], Groups = [PlanningGroup] } },
                new Office { Id = "sta-20", Code = "StA 20", Name = new("Kämmerei", "Treasury"), Entra = new EntraOfficeRule { Departments = ["Kämmerei", "Finanzen"] } },
            ],
        },
    ];

    public static Organisation Template { get; } = new() { Divisions = Divisions, People = [] };

    public static EntraUser User(string id, string? department = null, bool enabled = true, string type = "Member") => new()
    {
        Id = id,
        DisplayName = $"Person {id}",
        Mail = $"{id}@bergkamen.example",
        UserPrincipalName = $"{id}@bergkamen.example",
        Department = department,
        AccountEnabled = enabled,
        UserType = type,
    };

    public static DirectoryState State(IEnumerable<EntraUser> users, Dictionary<string, IReadOnlySet<string>>? groups = null, Dictionary<string, IReadOnlyList<Role>>? roles = null) => new()
    {
        Users = users.ToList(),
        DeltaLink = "delta-0",
        GroupMembers = groups ?? [],
        Roles = roles ?? [],
        SyncedAt = DateTimeOffset.Parse("2026-12-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };
}
