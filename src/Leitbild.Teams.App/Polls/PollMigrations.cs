using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Polls;

internal static class PollMigrations
{
    public static readonly Migration[] All =
    [
        new(300, "polls", """
            CREATE TABLE polls (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                document TEXT NOT NULL,
                deadline TEXT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX polls_open_deadline ON polls(status, deadline);
            -- Who took part, for reminders only. No time and no insertion order (WITHOUT ROWID, keyed by person),
            -- so it cannot be lined up with the answers of an anonymous poll.
            CREATE TABLE poll_participants (
                poll_id TEXT NOT NULL REFERENCES polls(id),
                person_id TEXT NOT NULL,
                PRIMARY KEY (poll_id, person_id)
            ) WITHOUT ROWID;
            CREATE TABLE poll_comment_moderation (
                poll_id TEXT NOT NULL REFERENCES polls(id),
                comment_id TEXT NOT NULL,
                hidden INTEGER NOT NULL,
                reason TEXT NOT NULL,
                moderated_by TEXT NOT NULL,
                moderated_at TEXT NOT NULL,
                PRIMARY KEY (poll_id, comment_id)
            );
            CREATE TABLE poll_cards (
                poll_id TEXT NOT NULL REFERENCES polls(id),
                conversation_id TEXT NOT NULL,
                activity_id TEXT NOT NULL,
                service_url TEXT NOT NULL,
                posted_at TEXT NOT NULL,
                PRIMARY KEY (poll_id, conversation_id, activity_id)
            );
            """),
        // Each respondent's current answers, by the same key the results use, to show people their own answers and to
        // tally without a round trip to SharePoint.
        new(301, "poll answer view", """
            CREATE TABLE poll_answers (
                answer_key TEXT PRIMARY KEY,
                poll_id TEXT NOT NULL,
                respondent_key TEXT NOT NULL,
                document TEXT NOT NULL
            );
            CREATE INDEX poll_answers_respondent ON poll_answers(poll_id, respondent_key);
            """),
        // As results 203: anonymous answers shown back to their author keep neither the office nor the time of day.
        new(302, "poll answer view: anonymous rows without office and time of day", """
            UPDATE poll_answers SET
                document = json_set(json_remove(document, '$.departmentId'),
                    '$.answeredAt', substr(json_extract(document, '$.answeredAt'), 1, 10) || 'T00:00:00+00:00')
            WHERE respondent_key LIKE 'anon-%';
            """),
        // Comment ids become keyed (CommentIds); decisions under the old ids are moved by ModeratedCommentIdsUpgrade.
        new(303, "comment moderation: keyed comment ids", """
            ALTER TABLE poll_comment_moderation ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
            """),
    ];
}
