using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.StaffDirectory;

/// <summary>
/// The directory's tables, for the privacy paperwork (see <see cref="StoredTable"/>). They mirror Entra ID (or the
/// template's staff list) and are replaced at every sync, so retention keeps them: deleting would be undone within the
/// hour, and a person leaves them by leaving Entra ID.
/// </summary>
internal static class DirectoryStoredData
{
    public static readonly StoredTable[] Tables =
    [
        new() { Name = "directory_state", Holds = [DataCategory.Directory], Retention = RetentionTreatment.Kept },
        new() { Name = "directory_sync_status", Holds = [DataCategory.Technical], Retention = RetentionTreatment.Kept },
    ];
}
