using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// What scheduling's tables hold, for the privacy paperwork (see <see cref="StoredTable"/>). After the process every
/// appointment goes (children before parents, for the foreign keys); the fictional rooms stay.
/// </summary>
internal static class SchedulingStoredData
{
    private const string InterviewsOfPerson = "SELECT id FROM scheduling_interviews WHERE lower(interviewee_id) = $person";

    public static readonly StoredTable[] Tables =
    [
        new()
        {
            Name = "scheduling_claims",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_claims",
            ErasureSql = $"DELETE FROM scheduling_claims WHERE interview_id IN ({InterviewsOfPerson})",
        },
        new()
        {
            Name = "scheduling_proposals",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_proposals",
            ErasureSql = $"DELETE FROM scheduling_proposals WHERE interview_id IN ({InterviewsOfPerson})",
            ExportSql = $"SELECT json_object('interview', interview_id, 'start', start_utc, 'end', end_utc, 'status', status) FROM scheduling_proposals WHERE interview_id IN ({InterviewsOfPerson}) ORDER BY start_utc",
        },
        new()
        {
            Name = "scheduling_interviews",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_interviews",
            ErasureSql = "DELETE FROM scheduling_interviews WHERE lower(interviewee_id) = $person",
            ExportSql = "SELECT json_object('interview', id, 'campaign', campaign_id, 'email', interviewee_email, 'status', status, 'booked', booked, 'updatedAt', updated_at) FROM scheduling_interviews WHERE lower(interviewee_id) = $person ORDER BY updated_at",
        },
        // The campaign document lists the interviewers and the people asked.
        new()
        {
            Name = "scheduling_campaigns",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_campaigns",
        },
        new()
        {
            Name = "scheduling_ballots",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_ballots",
            ErasureSql = "DELETE FROM scheduling_ballots WHERE lower(person_id) = $person",
            ExportSql = "SELECT json_object('vote', vote_id, 'answers', json(answers), 'at', at) FROM scheduling_ballots WHERE lower(person_id) = $person ORDER BY at",
        },
        new()
        {
            Name = "scheduling_votes",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_votes",
        },
        // The workshop document names the invited people.
        new()
        {
            Name = "scheduling_workshops",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_workshops",
        },
        new()
        {
            Name = "scheduling_event_attendees",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_event_attendees",
            ErasureSql = "DELETE FROM scheduling_event_attendees WHERE $email IS NOT NULL AND email = $email",
            ExportSql = "SELECT json_object('event', a.event_id, 'subject', e.subject, 'start', e.start_utc, 'end', e.end_utc, 'response', a.response) FROM scheduling_event_attendees a JOIN scheduling_events e ON e.id = a.event_id WHERE $email IS NOT NULL AND a.email = $email ORDER BY e.start_utc",
        },
        new()
        {
            Name = "scheduling_events",
            Holds = [DataCategory.Bookings],
            Retention = RetentionTreatment.Deleted,
            RetentionSql = "DELETE FROM scheduling_events",
        },
        new()
        {
            Name = "scheduling_rooms",
            Holds = [DataCategory.ProcessContent],
            Retention = RetentionTreatment.Kept,
        },
    ];
}
