using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>Results own versions 200–299.</summary>
internal static class ResultsMigrations
{
    public static readonly Migration[] All =
    [
        // The embedded results store: the answer as a JSON document, with the columns reads filter on.
        // Paging follows rowid, which an upsert keeps.
        new(200, "results answers", """
            CREATE TABLE results_answers (
                answer_key TEXT PRIMARY KEY,
                poll_id TEXT NOT NULL,
                goal_id TEXT NOT NULL,
                department_id TEXT,
                document TEXT NOT NULL,
                stored_at TEXT NOT NULL
            );
            CREATE INDEX ix_results_answers_poll ON results_answers(poll_id);
            CREATE INDEX ix_results_answers_goal ON results_answers(goal_id);
            CREATE INDEX ix_results_answers_department ON results_answers(department_id);
            """),
        // The durable outbox. One row per answer key (a changed answer replaces the pending one and bumps revision).
        // The ledger remembers, per key, the last payload enqueued (so a repeated invoke changes nothing) and whether
        // a delivery was ever attempted (then the store must look before it creates: exactly once after a crash).
        new(201, "results outbox", """
            CREATE TABLE results_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                answer_key TEXT NOT NULL UNIQUE,
                payload TEXT NOT NULL,
                revision INTEGER NOT NULL DEFAULT 1,
                enqueued_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error TEXT,
                parked_reason TEXT,
                parked_at TEXT
            );
            CREATE INDEX ix_results_outbox_due ON results_outbox(parked_at, next_attempt_at, id);
            CREATE TABLE results_outbox_ledger (
                answer_key TEXT PRIMARY KEY,
                payload_hash TEXT NOT NULL,
                ever_sent INTEGER NOT NULL DEFAULT 0
            );
            """),
        // The results page aggregates in SQL instead of reading every answer: the values it counts become columns,
        // filled from the stored documents. answered_at is UTC, fixed width, so text order is time order.
        new(202, "results answers: columns for aggregates", """
            ALTER TABLE results_answers ADD COLUMN kind TEXT;
            ALTER TABLE results_answers ADD COLUMN rating INTEGER;
            ALTER TABLE results_answers ADD COLUMN rank INTEGER;
            ALTER TABLE results_answers ADD COLUMN respondent_key TEXT;
            ALTER TABLE results_answers ADD COLUMN field_of_action_id TEXT;
            ALTER TABLE results_answers ADD COLUMN answered_at TEXT;
            UPDATE results_answers SET
                kind = json_extract(document, '$.value.kind'),
                rating = json_extract(document, '$.value.rating'),
                rank = json_extract(document, '$.value.rank'),
                respondent_key = json_extract(document, '$.respondentKey'),
                field_of_action_id = json_extract(document, '$.fieldOfActionId'),
                answered_at = strftime('%Y-%m-%dT%H:%M:%SZ', json_extract(document, '$.answeredAt'));
            -- Covering indexes: counts per goal and department read only the index; comments and choices by kind first.
            CREATE INDEX ix_results_answers_goal_stats ON results_answers(goal_id, department_id, respondent_key, kind, rating, rank);
            CREATE INDEX ix_results_answers_kind ON results_answers(kind, goal_id, answered_at, answer_key);
            CREATE INDEX ix_results_answers_goal_time ON results_answers(goal_id, answered_at, answer_key);
            """),
        // Anonymous answers keep neither a time finer than the day nor the office (no poll asked for results by office
        // before this version). Answers already written to SharePoint are not touched here; see docs/deploy.md.
        new(203, "results answers: anonymous rows without office and time of day", """
            UPDATE results_answers SET
                department_id = NULL,
                answered_at = substr(answered_at, 1, 10) || 'T00:00:00Z',
                stored_at = substr(stored_at, 1, 10) || 'T00:00:00.0000000Z',
                document = json_set(json_remove(document, '$.departmentId'),
                    '$.answeredAt', substr(json_extract(document, '$.answeredAt'), 1, 10) || 'T00:00:00+00:00')
            WHERE respondent_key LIKE 'anon-%';
            UPDATE results_outbox SET
                payload = json_set(json_remove(payload, '$.departmentId'),
                    '$.answeredAt', substr(json_extract(payload, '$.answeredAt'), 1, 10) || 'T00:00:00+00:00'),
                enqueued_at = substr(enqueued_at, 1, 10) || 'T00:00:00.0000000Z'
            WHERE json_extract(payload, '$.respondentKey') LIKE 'anon-%';
            """),
    ];
}
