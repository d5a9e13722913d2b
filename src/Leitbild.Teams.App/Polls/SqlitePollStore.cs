using System.Globalization;
using System.Text.Json;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Polls;

/// <summary>Polls as JSON documents with their status and deadline as columns (the deadline worker queries them).</summary>
public sealed class SqlitePollStore(SqliteDatabase database) : IPollStore
{
    public async Task<bool> CreateAsync(Poll poll, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO polls(id, status, document, deadline, created_at) VALUES ($id, $status, $doc, $deadline, $created)
            ON CONFLICT(id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", poll.Id);
        command.Parameters.AddWithValue("$status", poll.Status.ToString());
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(poll, TemplateLoader.JsonOptions));
        command.Parameters.AddWithValue("$deadline", poll.Settings.Deadline is { } deadline ? StoredValues.Instant(deadline) : DBNull.Value);
        command.Parameters.AddWithValue("$created", StoredValues.Instant(poll.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Poll?> GetAsync(string pollId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM polls WHERE id = $id";
        command.Parameters.AddWithValue("$id", pollId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Read(json) : null;
    }

    public async Task<IReadOnlyList<Poll>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM polls ORDER BY created_at DESC, id";
        var polls = new List<Poll>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            polls.Add(Read(reader.GetString(0)));
        }
        return polls;
    }

    public async Task<bool> ChangeStatusAsync(string pollId, PollStatus expected, PollStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT document FROM polls WHERE id = $id AND status = $expected";
        read.Parameters.AddWithValue("$id", pollId);
        read.Parameters.AddWithValue("$expected", expected.ToString());
        if (await read.ExecuteScalarAsync(cancellationToken) is not string json)
        {
            return false;
        }
        var poll = Read(json);
        var changed = status switch
        {
            PollStatus.Open => poll with { Status = status, OpenedAt = at },
            PollStatus.Closed => poll with { Status = status, ClosedAt = at },
            _ => poll with { Status = status },
        };
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE polls SET status = $status, document = $doc WHERE id = $id";
        write.Parameters.AddWithValue("$id", pollId);
        write.Parameters.AddWithValue("$status", status.ToString());
        write.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(changed, TemplateLoader.JsonOptions));
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RecordParticipationAsync(string pollId, string personId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO poll_participants(poll_id, person_id) VALUES ($poll, $person) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$poll", pollId);
        command.Parameters.AddWithValue("$person", personId.ToLowerInvariant());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlySet<string>> ListParticipantsAsync(string pollId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_id FROM poll_participants WHERE poll_id = $poll";
        command.Parameters.AddWithValue("$poll", pollId);
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add(reader.GetString(0));
        }
        return people;
    }

    public async Task SaveModerationAsync(string pollId, CommentModeration moderation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO poll_comment_moderation(poll_id, comment_id, hidden, reason, moderated_by, moderated_at, keyed)
            VALUES ($poll, $comment, $hidden, $reason, $by, $at, 1)
            ON CONFLICT(poll_id, comment_id) DO UPDATE SET hidden = excluded.hidden, reason = excluded.reason,
                moderated_by = excluded.moderated_by, moderated_at = excluded.moderated_at
            """;
        command.Parameters.AddWithValue("$poll", pollId);
        command.Parameters.AddWithValue("$comment", moderation.CommentId);
        command.Parameters.AddWithValue("$hidden", moderation.Hidden ? 1 : 0);
        command.Parameters.AddWithValue("$reason", moderation.Reason);
        command.Parameters.AddWithValue("$by", moderation.ModeratedBy);
        command.Parameters.AddWithValue("$at", StoredValues.Instant(moderation.ModeratedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CommentModeration>> GetModerationAsync(string pollId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT comment_id, hidden, reason, moderated_by, moderated_at FROM poll_comment_moderation WHERE poll_id = $poll";
        command.Parameters.AddWithValue("$poll", pollId);
        var result = new Dictionary<string, CommentModeration>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new CommentModeration(reader.GetString(0), reader.GetInt32(1) == 1, reader.GetString(2), reader.GetString(3),
                StoredValues.Instant(reader.GetString(4)));
        }
        return result;
    }

    public async Task SaveCardAsync(PollCard card, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO poll_cards(poll_id, conversation_id, activity_id, service_url, posted_at) VALUES ($poll, $conversation, $activity, $url, $at)
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$poll", card.PollId);
        command.Parameters.AddWithValue("$conversation", card.ConversationId);
        command.Parameters.AddWithValue("$activity", card.ActivityId);
        command.Parameters.AddWithValue("$url", card.ServiceUrl);
        command.Parameters.AddWithValue("$at", StoredValues.Instant(card.PostedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PollCard>> ListCardsAsync(string pollId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, activity_id, service_url, posted_at FROM poll_cards WHERE poll_id = $poll ORDER BY posted_at";
        command.Parameters.AddWithValue("$poll", pollId);
        var cards = new List<PollCard>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cards.Add(new PollCard(pollId, reader.GetString(0), reader.GetString(1), reader.GetString(2),
                StoredValues.Instant(reader.GetString(3))));
        }
        return cards;
    }

    /// <summary>Open polls whose deadline has passed, for the worker that closes them.</summary>
    public async Task<IReadOnlyList<string>> ListOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM polls WHERE status = 'Open' AND deadline IS NOT NULL AND deadline <= $now";
        command.Parameters.AddWithValue("$now", StoredValues.Instant(now));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static Poll Read(string json) => JsonSerializer.Deserialize<Poll>(json, TemplateLoader.JsonOptions)!;
}
