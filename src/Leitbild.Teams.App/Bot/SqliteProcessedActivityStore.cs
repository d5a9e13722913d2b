using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Hosting;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// Processed activity digests in SQLite (status only, never the response). Written with synchronous=NORMAL: a record
/// lost in a power cut only means a retry runs an idempotent handler again, and it saves an fsync on every inbound activity.
/// </summary>
public sealed class SqliteProcessedActivityStore(SqliteDatabase database) : IProcessedActivityStore
{
    public async Task<ProcessedActivity?> FindAsync(string digest, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, processed_at FROM bot_processed_activities WHERE activity_digest = $digest";
        command.Parameters.AddWithValue("$digest", digest);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ProcessedActivity(digest, reader.GetInt32(0), StoredValues.Instant(reader.GetString(1)));
    }

    public async Task RecordAsync(ProcessedActivity activity, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA synchronous=NORMAL;
            INSERT INTO bot_processed_activities(activity_digest, status, processed_at) VALUES ($digest, $status, $at)
            ON CONFLICT(activity_digest) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$digest", activity.Digest);
        command.Parameters.AddWithValue("$status", activity.Status);
        command.Parameters.AddWithValue("$at", StoredValues.Instant(activity.ProcessedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets activities older than the cutoff (the retry window).</summary>
    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_processed_activities WHERE processed_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", StoredValues.Instant(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
