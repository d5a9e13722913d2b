using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.Polls;

/// <summary>What the polls' tables hold, for the privacy paperwork (see <see cref="StoredTable"/>).</summary>
internal static class PollStoredData
{
    // Anonymous respondent keys start with "anon-" (RespondentKeys.AnonymousPrefix); named ones are the object id.
    public static readonly StoredTable[] Tables =
    [
        new()
        {
            Name = "poll_answers",
            Holds = [DataCategory.NamedAnswers, DataCategory.AnonymousAnswers],
            Retention = RetentionTreatment.NamedRowsDeleted,
            RetentionSql = "DELETE FROM poll_answers WHERE respondent_key NOT LIKE 'anon-%'",
            ErasureSql = "DELETE FROM poll_answers WHERE lower(respondent_key) = $person",
            ExportSql = "SELECT document FROM poll_answers WHERE lower(respondent_key) = $person ORDER BY answer_key",
        },
        new()
        {
            Name = "poll_participants",
            Holds = [DataCategory.Participation],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM poll_participants",
            ErasureSql = "DELETE FROM poll_participants WHERE lower(person_id) = $person",
            ExportSql = "SELECT json_object('poll', poll_id) FROM poll_participants WHERE lower(person_id) = $person ORDER BY poll_id",
        },
        new()
        {
            Name = "poll_comment_moderation",
            Holds = [DataCategory.OrganizerActions],
            Retention = RetentionTreatment.PersonLinksRemoved,
            RetentionSql = "UPDATE poll_comment_moderation SET moderated_by = '' WHERE moderated_by <> ''",
            ErasureSql = "UPDATE poll_comment_moderation SET moderated_by = '' WHERE lower(moderated_by) = $person",
            ExportSql = "SELECT json_object('poll', poll_id, 'hidden', hidden, 'moderatedAt', moderated_at) FROM poll_comment_moderation WHERE lower(moderated_by) = $person",
        },
        new()
        {
            Name = "poll_cards",
            Holds = [DataCategory.Conversations],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM poll_cards",
        },
        // The poll itself stays (its results are the point); its author and a named audience are emptied.
        new()
        {
            Name = "polls",
            Holds = [DataCategory.ProcessContent, DataCategory.OrganizerActions],
            Retention = RetentionTreatment.PersonLinksRemoved,
            RetentionSql = """
                UPDATE polls SET document = json_set(document, '$.createdBy', '', '$.audience.personIds', json('[]'))
                WHERE json_extract(document, '$.createdBy') <> '' OR json_array_length(document, '$.audience.personIds') > 0
                """,
            ErasureSql = """
                UPDATE polls SET document = json_set(document, '$.createdBy', '') WHERE lower(json_extract(document, '$.createdBy')) = $person;
                UPDATE polls SET document = json_set(document, '$.audience.personIds',
                    (SELECT json_group_array(value) FROM json_each(json_extract(polls.document, '$.audience.personIds')) WHERE lower(value) <> $person))
                WHERE EXISTS (SELECT 1 FROM json_each(json_extract(polls.document, '$.audience.personIds')) WHERE lower(value) = $person)
                """,
            ExportSql = """
                SELECT json_object('poll', id, 'createdByYou', lower(json_extract(document, '$.createdBy')) = $person) FROM polls
                WHERE lower(json_extract(document, '$.createdBy')) = $person
                   OR EXISTS (SELECT 1 FROM json_each(json_extract(polls.document, '$.audience.personIds')) WHERE lower(value) = $person)
                """,
        },
    ];
}
