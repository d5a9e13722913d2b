using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Process;

internal static class ProcessMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "processes and organisation", """
            CREATE TABLE processes (
                id TEXT PRIMARY KEY,
                document TEXT NOT NULL,
                goals TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE organisation (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                document TEXT NOT NULL
            );
            CREATE TABLE app_secrets (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """),
    ];
}
