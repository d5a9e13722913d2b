using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Bot;

/// <summary>Bot tables (versions 100–199).</summary>
internal static class BotMigrations
{
    public static readonly Migration[] All =
    [
        new(100, "bot conversation references and processed activities", """
            CREATE TABLE bot_conversation_references (
                conversation_id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                conversation_type TEXT NOT NULL,
                person_id TEXT,
                reference TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            -- Proactive messages look up a person's 1:1 chat by tenant and Entra object id.
            CREATE INDEX ix_bot_references_person ON bot_conversation_references(tenant_id, person_id) WHERE conversation_type = 'personal';
            CREATE TABLE bot_processed_activities (
                activity_key TEXT PRIMARY KEY,
                status INTEGER NOT NULL,
                body TEXT,
                processed_at TEXT NOT NULL
            );
            CREATE INDEX ix_bot_processed_at ON bot_processed_activities(processed_at);
            """),
        new(101, "bot broadcast jobs", """
            CREATE TABLE bot_broadcast_jobs (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                service_url TEXT NOT NULL,
                content_kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at TEXT NOT NULL,
                completed_at TEXT
            );
            CREATE TABLE bot_broadcast_deliveries (
                job_id TEXT NOT NULL REFERENCES bot_broadcast_jobs(id) ON DELETE CASCADE,
                person_id TEXT NOT NULL,
                teams_user_id TEXT,
                position INTEGER NOT NULL,
                state TEXT NOT NULL,
                activity_id TEXT,
                detail TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (job_id, person_id)
            );
            """),
        // The retry record kept the whole response (an answer card shows the answer) keyed by conversation id, which
        // names the person, for two days. Now: a digest and the status, for minutes. Old records are dropped, not
        // converted - they only served retries that are long over.
        new(102, "bot processed activities: digest and status only", """
            DROP TABLE bot_processed_activities;
            CREATE TABLE bot_processed_activities (
                activity_digest TEXT PRIMARY KEY,
                status INTEGER NOT NULL,
                processed_at TEXT NOT NULL
            );
            CREATE INDEX ix_bot_processed_at ON bot_processed_activities(processed_at);
            """),
        // A 1:1 reference names the person and was stamped to the second when it changed, often at their first
        // answer; only the day is kept now.
        new(103, "bot conversation references: day only", """
            UPDATE bot_conversation_references SET updated_at = substr(updated_at, 1, 10) || 'T00:00:00.0000000Z';
            """),
    ];
}
