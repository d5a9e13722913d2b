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
    ];
}
