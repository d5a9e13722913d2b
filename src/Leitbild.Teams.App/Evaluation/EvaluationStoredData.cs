using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>
/// What the interview notes and the goal history hold, for the privacy paperwork (see <see cref="StoredTable"/>).
/// A statement's text is an anonymous answer in the results store; the person links are the name given with consent,
/// who recorded it, and the interview it came from (whose interviewee the scheduling tables name).
/// </summary>
internal static class EvaluationStoredData
{
    private const string OfPerson = "interview_id IN (SELECT id FROM scheduling_interviews WHERE lower(interviewee_id) = $person)";

    public static readonly StoredTable[] Tables =
    [
        new()
        {
            Name = "evaluation_statements",
            Holds = [DataCategory.InterviewNotes],
            Retention = RetentionTreatment.PersonLinksRemoved,
            RetentionSql = """
                UPDATE evaluation_statements SET named_as = NULL, recorded_by = '', consent = CASE consent WHEN 'QuoteWithName' THEN 'QuoteAnonymously' ELSE consent END
                WHERE named_as IS NOT NULL OR recorded_by <> '' OR consent = 'QuoteWithName'
                """,
            ErasureSql = $"""
                UPDATE evaluation_statements SET named_as = NULL, consent = CASE consent WHEN 'QuoteWithName' THEN 'QuoteAnonymously' ELSE consent END
                    WHERE {OfPerson} AND (named_as IS NOT NULL OR consent = 'QuoteWithName');
                UPDATE evaluation_statements SET recorded_by = '' WHERE lower(recorded_by) = $person
                """,
            ExportSql = $"""
                SELECT json_object('statement', s.statement_id, 'interview', s.interview_id, 'goal', s.goal_id, 'sentiment', s.sentiment,
                    'consent', s.consent, 'namedAs', s.named_as, 'recordedAt', s.recorded_at, 'withdrawnAt', s.withdrawn_at,
                    'text', json_extract(a.document, '$.value.text'))
                FROM evaluation_statements s LEFT JOIN results_answers a ON a.answer_key = s.answer_key
                WHERE s.{OfPerson} ORDER BY s.recorded_at
                """,
        },
        // The interview's phase and the interviewee's Dezernat, for participation counts: no person once the booking is gone.
        new()
        {
            Name = "evaluation_interviews",
            Holds = [DataCategory.InterviewNotes],
            Retention = RetentionTreatment.Kept,
        },
        new()
        {
            Name = "evaluation_goal_changes",
            Holds = [DataCategory.ProcessContent, DataCategory.OrganizerActions],
            Retention = RetentionTreatment.PersonLinksRemoved,
            RetentionSql = "UPDATE evaluation_goal_changes SET recorded_by = '' WHERE recorded_by <> ''",
            ErasureSql = "UPDATE evaluation_goal_changes SET recorded_by = '' WHERE lower(recorded_by) = $person",
        },
    ];
}
