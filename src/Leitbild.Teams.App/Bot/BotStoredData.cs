using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.Bot;

/// <summary>What the bot's tables hold, for the privacy paperwork (see <see cref="StoredTable"/>).</summary>
internal static class BotStoredData
{
    public static readonly StoredTable[] Tables =
    [
        new()
        {
            Name = "bot_conversation_references",
            Holds = [DataCategory.Conversations],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM bot_conversation_references",
            ErasureSql = "DELETE FROM bot_conversation_references WHERE lower(person_id) = $person",
            ExportSql = "SELECT json_object('conversationType', conversation_type, 'updatedAt', updated_at) FROM bot_conversation_references WHERE lower(person_id) = $person",
        },
        // The retry cache is keyed by activity, not by person, and forgets by itself (BotMaintenance).
        new()
        {
            Name = "bot_processed_activities",
            Holds = [DataCategory.Conversations],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM bot_processed_activities",
        },
        new()
        {
            Name = "bot_broadcast_deliveries",
            Holds = [DataCategory.Conversations],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM bot_broadcast_deliveries",
            ErasureSql = "DELETE FROM bot_broadcast_deliveries WHERE lower(person_id) = $person",
            ExportSql = "SELECT json_object('job', job_id, 'state', state, 'updatedAt', updated_at) FROM bot_broadcast_deliveries WHERE lower(person_id) = $person",
        },
        new()
        {
            Name = "bot_broadcast_jobs",
            Holds = [DataCategory.Conversations],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM bot_broadcast_jobs",
        },
    ];
}
