using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Results;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>An answer taken from the outbox for one delivery attempt.</summary>
public sealed record OutboxClaim(long Id, int Revision, int Attempts, Answer Answer, bool MayExist);

/// <summary>
/// The durable outbox in SQLite. <see cref="EnqueueAsync"/> returns only after the answer is committed (WAL,
/// synchronous=FULL), so "saved" is true even if the process dies the next moment.
/// </summary>
public sealed class SqliteResultsOutbox(SqliteDatabase database, TimeProvider time) : IResultsOutbox
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Completes when something was enqueued since the last read (the worker wakes without polling).</summary>
    internal ChannelReader<bool> Wake => _wake.Reader;

    /// <summary>Wakes the worker for work that is not an enqueued answer (a summary to redo).</summary>
    internal void Nudge() => _wake.Writer.TryWrite(true);

    public Task<OutboxEnqueueResult> EnqueueAsync(Answer answer, CancellationToken cancellationToken) =>
        EnqueueManyAsync([answer], cancellationToken);

    public async Task<OutboxEnqueueResult> EnqueueManyAsync(IReadOnlyList<Answer> answers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Every answer is checked before the transaction starts: one bad value refuses the whole page.
        foreach (var answer in answers)
        {
            AnswerValidator.ThrowIfInvalid(answer, now);
        }
        var result = OutboxEnqueueResult.Unchanged;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var answer in answers)
        {
            if (await EnqueueOneAsync(connection, transaction, answer.Normalized(), now, cancellationToken))
            {
                result = OutboxEnqueueResult.Accepted;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        if (result == OutboxEnqueueResult.Accepted)
        {
            _wake.Writer.TryWrite(true);
        }
        return result;
    }

    /// <summary>False when the same payload was enqueued before (e.g. Teams retried the invoke): nothing changes.</summary>
    private static async Task<bool> EnqueueOneAsync(SqliteConnection connection, SqliteTransaction transaction, Answer normalized, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = ResultsJson.Serialize(normalized);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        await using (var check = Command(connection, transaction, "SELECT payload_hash FROM results_outbox_ledger WHERE answer_key = $key"))
        {
            check.Parameters.AddWithValue("$key", normalized.Key);
            if (await check.ExecuteScalarAsync(cancellationToken) is string known && known == hash)
            {
                return false;
            }
        }
        await using (var ledger = Command(connection, transaction, """
            INSERT INTO results_outbox_ledger(answer_key, payload_hash) VALUES ($key, $hash)
            ON CONFLICT(answer_key) DO UPDATE SET payload_hash = excluded.payload_hash
            """))
        {
            ledger.Parameters.AddWithValue("$key", normalized.Key);
            ledger.Parameters.AddWithValue("$hash", hash);
            await ledger.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = Command(connection, transaction, """
            INSERT INTO results_outbox(answer_key, payload, enqueued_at, next_attempt_at) VALUES ($key, $payload, $now, $now)
            ON CONFLICT(answer_key) DO UPDATE SET
                payload = excluded.payload, revision = revision + 1, attempts = 0, enqueued_at = excluded.enqueued_at,
                next_attempt_at = excluded.next_attempt_at, last_error = NULL, parked_reason = NULL, parked_at = NULL
            """))
        {
            insert.Parameters.AddWithValue("$key", normalized.Key);
            insert.Parameters.AddWithValue("$payload", payload);
            // An anonymous answer's row is due from the start of its day: no time finer than the day is written for it.
            insert.Parameters.AddWithValue("$now", StoredValues.Instant(normalized.Coarsened(now)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> due answers and marks their keys as "sent at least once" in the same
    /// transaction, before anything leaves the process: after a crash the store then looks before it creates.
    /// </summary>
    public async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var claims = new List<OutboxClaim>();
        await using (var select = Command(connection, transaction, """
            SELECT o.id, o.revision, o.attempts, o.payload, l.ever_sent
            FROM results_outbox o JOIN results_outbox_ledger l ON l.answer_key = o.answer_key
            WHERE o.parked_at IS NULL AND o.next_attempt_at <= $now
            ORDER BY o.id LIMIT $max
            """))
        {
            select.Parameters.AddWithValue("$now", StoredValues.Instant(time.GetUtcNow()));
            select.Parameters.AddWithValue("$max", max);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claims.Add(new OutboxClaim(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), ResultsJson.Deserialize(reader.GetString(3)), reader.GetInt32(4) != 0));
            }
        }
        foreach (var claim in claims.Where(c => !c.MayExist))
        {
            await using var mark = Command(connection, transaction, "UPDATE results_outbox_ledger SET ever_sent = 1 WHERE answer_key = $key");
            mark.Parameters.AddWithValue("$key", claim.Answer.Key);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return claims;
    }

    /// <summary>
    /// Records what the store said. Each change applies only if the row still has the claimed revision: an answer
    /// changed meanwhile stays pending and goes out in its new form.
    /// </summary>
    public async Task CompleteAsync(IReadOnlyList<(OutboxClaim Claim, AnswerWriteResult Result, TimeSpan RetryDelay)> outcomes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (claim, result, retryDelay) in outcomes)
        {
            await using var command = Command(connection, transaction, result.Status switch
            {
                AnswerWriteStatus.Stored => "DELETE FROM results_outbox WHERE id = $id AND revision = $revision",
                AnswerWriteStatus.Rejected => """
                    UPDATE results_outbox SET parked_at = $now, parked_reason = $reason, last_error = $reason, attempts = attempts + 1
                    WHERE id = $id AND revision = $revision
                    """,
                _ => """
                    UPDATE results_outbox SET attempts = attempts + 1, next_attempt_at = $next, last_error = $reason
                    WHERE id = $id AND revision = $revision
                    """,
            });
            command.Parameters.AddWithValue("$id", claim.Id);
            command.Parameters.AddWithValue("$revision", claim.Revision);
            command.Parameters.AddWithValue("$now", StoredValues.Instant(now));
            command.Parameters.AddWithValue("$next", StoredValues.Instant(now + retryDelay));
            command.Parameters.AddWithValue("$reason", Truncate(result.Reason ?? "unknown", 1000));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ParkedAnswer>> ListParkedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT id, payload, parked_reason, attempts, parked_at FROM results_outbox WHERE parked_at IS NOT NULL ORDER BY id");
        var parked = new List<ParkedAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var answer = ResultsJson.Deserialize(reader.GetString(1));
            parked.Add(new ParkedAnswer(reader.GetInt64(0), answer.PollId, answer.QuestionId, answer.GoalId, reader.GetString(2), reader.GetInt32(3),
                StoredValues.Instant(reader.GetString(4))));
        }
        return parked;
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COUNT(*) - COUNT(parked_at), COUNT(parked_at) FROM results_outbox");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxCounts(reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>The earliest time a pending answer is due, for the worker to sleep until then.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT MIN(next_attempt_at) FROM results_outbox WHERE parked_at IS NULL");
        return await command.ExecuteScalarAsync(cancellationToken) is string next
            ? StoredValues.Instant(next)
            : null;
    }

    /// <summary>UTC, fixed width: compares correctly as text.</summary>

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
