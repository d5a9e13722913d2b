using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>Evaluation owns versions 500–599.</summary>
internal static class EvaluationMigrations
{
    public static readonly Migration[] All =
    [
        // Interview notes. The statement's text is an answer in the results store (channel Interview); this table keeps,
        // by answer key, what the store has no column for: sentiment, the interviewee's consent and (only with consent
        // to be named) the name as agreed. evaluation_interviews keeps the interview's phase and the interviewee's
        // Dezernat for participation figures; is_sample marks rows made by the seed-demo verb.
        new(500, "interview notes", """
            CREATE TABLE evaluation_interviews (
                interview_id TEXT PRIMARY KEY,
                phase_id TEXT NOT NULL,
                division_id TEXT,
                is_sample INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE evaluation_statements (
                answer_key TEXT PRIMARY KEY,
                statement_id TEXT NOT NULL UNIQUE,
                interview_id TEXT NOT NULL REFERENCES evaluation_interviews(interview_id),
                field_of_action_id TEXT NOT NULL,
                goal_id TEXT,
                sentiment TEXT NOT NULL,
                consent TEXT NOT NULL,
                named_as TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                withdrawn_at TEXT,
                is_sample INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_evaluation_statements_interview ON evaluation_statements(interview_id);
            """),
        // The goal catalogue's history: only ever appended to. The current catalogue is the seed with these applied.
        new(501, "goal history", """
            CREATE TABLE evaluation_goal_changes (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                process_id TEXT NOT NULL,
                goal_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                phase_id TEXT NOT NULL,
                poll_id TEXT,
                new_text_de TEXT,
                new_text_en TEXT,
                merged_into TEXT,
                priority TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                is_sample INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_evaluation_goal_changes_process ON evaluation_goal_changes(process_id, sequence);
            """),
    ];
}
