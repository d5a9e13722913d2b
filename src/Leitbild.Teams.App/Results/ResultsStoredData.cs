using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// What the embedded results store and the outbox hold, for the privacy paperwork (see <see cref="StoredTable"/>).
/// Anonymous answers stay: they carry a keyed hash, not a person, and the results are built from them.
/// </summary>
internal static class ResultsStoredData
{
    public static readonly StoredTable[] Tables =
    [
        new()
        {
            Name = "results_answers",
            Holds = [DataCategory.NamedAnswers, DataCategory.AnonymousAnswers, DataCategory.InterviewNotes],
            Retention = RetentionTreatment.NamedRowsDeleted,
            DeletedByResultsStore = true,
            ExportSql = "SELECT document FROM results_answers WHERE lower(respondent_key) = $person ORDER BY answer_key",
        },
        // Pending deliveries: a named answer waiting for SharePoint carries the object id in its payload.
        new()
        {
            Name = "results_outbox",
            Holds = [DataCategory.NamedAnswers, DataCategory.AnonymousAnswers],
            Retention = RetentionTreatment.NamedRowsDeleted,
            RetentionSql = "DELETE FROM results_outbox WHERE json_extract(payload, '$.respondentKey') NOT LIKE 'anon-%'",
            ErasureSql = "DELETE FROM results_outbox WHERE lower(json_extract(payload, '$.respondentKey')) = $person",
            ExportSql = "SELECT payload FROM results_outbox WHERE lower(json_extract(payload, '$.respondentKey')) = $person ORDER BY id",
        },
        // The key ends with the respondent key (poll:question:goal:respondent).
        new()
        {
            Name = "results_outbox_ledger",
            Holds = [DataCategory.NamedAnswers, DataCategory.AnonymousAnswers],
            Retention = RetentionTreatment.NamedRowsDeleted,
            RetentionSql = "DELETE FROM results_outbox_ledger WHERE answer_key NOT LIKE '%:anon-%'",
            ErasureSql = "DELETE FROM results_outbox_ledger WHERE lower(answer_key) LIKE '%:' || $person",
        },
    ];
}
