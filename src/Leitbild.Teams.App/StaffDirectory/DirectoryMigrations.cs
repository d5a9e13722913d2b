using Leitbild.Teams.App.Storage;

// Not "Leitbild.Teams.App.Directory": that namespace would hide System.IO.Directory from every other feature.
namespace Leitbild.Teams.App.StaffDirectory;

internal static class DirectoryMigrations
{
    public static readonly Migration[] All =
    [
        // One row each: a sync replaces the whole state in one write, so a reader never sees half of two syncs.
        new(700, "directory sync state and status", """
            CREATE TABLE directory_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                document TEXT NOT NULL,
                synced_at TEXT NOT NULL
            );
            CREATE TABLE directory_sync_status (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                document TEXT NOT NULL
            );
            """),
    ];
}
