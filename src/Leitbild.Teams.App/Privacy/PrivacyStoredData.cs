namespace Leitbild.Teams.App.Privacy;

/// <summary>The privacy feature's own table, and the order in which every feature's declarations run.</summary>
internal static class PrivacyStoredData
{
    public static readonly StoredTable[] Tables =
    [
        // Kept through an erasure request (it proves what was done, Art. 5(2)); goes with everything else at retention.
        new()
        {
            Name = "audit_log",
            Holds = [DataCategory.OrganizerActions],
            Retention = RetentionTreatment.Deleted,
            // The entry a retention run leaves (actor "system", counts only) stays, so a later run has nothing to redo.
            RetentionSql = "DELETE FROM audit_log WHERE actor_id <> 'system'",
            ExportSql = "SELECT json_object('at', at, 'action', action, 'target', json(target), 'status', status) FROM audit_log WHERE lower(actor_id) = $person ORDER BY id",
        },
    ];
}

/// <summary>
/// Every declared table. The order is the order the statements run in: interview notes before the bookings they find
/// the interviewee through, children before the parents their foreign keys point at.
/// </summary>
public static class StoredDataCatalogue
{
    public static IReadOnlyList<StoredTable> All { get; } =
    [
        .. Process.ProcessStoredData.Tables,
        .. StaffDirectory.DirectoryStoredData.Tables,
        .. Bot.BotStoredData.Tables,
        .. ResultsStorage.ResultsStoredData.Tables,
        .. Polls.PollStoredData.Tables,
        .. Evaluation.EvaluationStoredData.Tables,
        .. Scheduling.SchedulingStoredData.Tables,
        .. PrivacyStoredData.Tables,
    ];
}
