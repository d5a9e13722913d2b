using System.Globalization;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Hosting;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// Processed activity ids in SQLite. Written with synchronous=NORMAL: a record lost in a power cut only means a
/// retry runs an idempotent handler again, and it saves an fsync on every inbound activity.
/// </summary>
public sealed class SqliteProcessedActivityStore(SqliteDatabase database) : IProcessedActivityStore
{
    public async Task<ProcessedActivity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, body, processed_at FROM bot_processed_activities WHERE activity_key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ProcessedActivity(key, reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            StoredValues.Instant(reader.GetString(2)));
    }

    public async Task RecordAsync(ProcessedActivity activity, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA synchronous=NORMAL;
            INSERT INTO bot_processed_activities(activity_key, status, body, processed_at) VALUES ($key, $status, $body, $at)
            ON CONFLICT(activity_key) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$key", activity.Key);
        command.Parameters.AddWithValue("$status", activity.Status);
        command.Parameters.AddWithValue("$body", (object?)activity.Body ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", StoredValues.Instant(activity.ProcessedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets activities older than the cutoff; Teams only retries within minutes.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_processed_activities WHERE processed_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", StoredValues.Instant(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
