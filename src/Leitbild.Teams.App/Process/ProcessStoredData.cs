using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.Process;

/// <summary>The process and foundation tables, for the privacy paperwork (see <see cref="StoredTable"/>).</summary>
internal static class ProcessStoredData
{
    public static readonly StoredTable[] Tables =
    [
        new() { Name = "processes", Holds = [DataCategory.ProcessContent], Retention = RetentionTreatment.Kept },
        // The organisation with its people: the template's staff list locally, the offices (and their Entra rules) in Microsoft 365 mode.
        new() { Name = "organisation", Holds = [DataCategory.Directory], Retention = RetentionTreatment.Kept },
        new() { Name = "app_secrets", Holds = [DataCategory.Technical], Retention = RetentionTreatment.Kept },
        new() { Name = "schema_migrations", Holds = [DataCategory.Technical], Retention = RetentionTreatment.Kept },
    ];
}
