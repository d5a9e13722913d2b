using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Privacy;

/// <summary>Privacy owns versions 800–899.</summary>
internal static class PrivacyMigrations
{
    public static readonly Migration[] All =
    [
        // Who among the organizers did what. Ids only (route values), never request bodies: a body may hold answers or names.
        new(800, "audit log of organizer actions", """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_is_guest INTEGER NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                status INTEGER NOT NULL
            );
            CREATE INDEX ix_audit_log_at ON audit_log(at);
            """),
    ];
}
