using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Privacy;

/// <summary>One organizer action: who (object id), what (method and route), on which ids, with which outcome, when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string ActorId, bool ActorIsGuest, string Action, IReadOnlyDictionary<string, string> Target, int Status);

/// <summary>The audit log in SQLite (migration 800). Appended to by <see cref="AuditTrail"/>, read by organizers.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database, TimeProvider time)
{
    public const int MaxPage = 500;

    /// <summary>The actor of what the app does by itself (retention, CLI verbs).</summary>
    public const string SystemActor = "system";

    public async Task AppendAsync(string actorId, bool actorIsGuest, string action, IReadOnlyDictionary<string, string> target, int status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_log(at, actor_id, actor_is_guest, action, target, status) VALUES ($at, $actor, $guest, $action, $target, $status)";
        command.Parameters.AddWithValue("$at", StoredValues.Instant(time.GetUtcNow()));
        command.Parameters.AddWithValue("$actor", actorId);
        command.Parameters.AddWithValue("$guest", actorIsGuest ? 1 : 0);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$target", System.Text.Json.JsonSerializer.Serialize(target));
        command.Parameters.AddWithValue("$status", status);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Newest first; <paramref name="before"/> is the id of the oldest entry already read (paging).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, actor_id, actor_is_guest, action, target, status FROM audit_log
            WHERE $before IS NULL OR id < $before ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$before", (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxPage));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                StoredValues.Instant(reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt64(3) == 1,
                reader.GetString(4),
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                reader.GetInt32(6)));
        }
        return entries;
    }
}
