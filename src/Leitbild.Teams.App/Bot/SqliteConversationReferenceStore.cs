using System.Collections.Concurrent;
using System.Text.Json;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// Conversation references in SQLite, with a memory of what was last written so unchanged ones cost no write. A
/// person's first turn is often an answer, so the row keeps only the day it changed (newest first by day, then by insertion).
/// </summary>
public sealed class SqliteConversationReferenceStore(SqliteDatabase database, TimeProvider time) : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.Ordinal);

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        // The activity id changes with every message; it is not part of where to send.
        var json = JsonSerializer.Serialize(reference with { ActivityId = null }, BotJson.Options);
        if (_lastWritten.TryGetValue(conversationId, out var last) && last == json)
        {
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bot_conversation_references(conversation_id, tenant_id, conversation_type, person_id, reference, updated_at)
            VALUES ($id, $tenant, $type, $person, $reference, $at)
            ON CONFLICT(conversation_id) DO UPDATE SET tenant_id = $tenant, conversation_type = $type,
                person_id = $person, reference = $reference, updated_at = $at
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$tenant", reference.TenantId ?? reference.Conversation?.TenantId ?? string.Empty);
        command.Parameters.AddWithValue("$type", reference.IsPersonal ? "personal" : reference.Conversation?.ConversationType ?? "unknown");
        command.Parameters.AddWithValue("$person", (object?)(reference.IsPersonal ? reference.User?.AadObjectId : null) ?? DBNull.Value);
        command.Parameters.AddWithValue("$reference", json);
        command.Parameters.AddWithValue("$at", StoredValues.Day(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        _lastWritten[conversationId] = json;
    }

    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_conversation_references WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _lastWritten.TryRemove(conversationId, out _);
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT reference FROM bot_conversation_references WHERE conversation_id = $a", conversationId, null, cancellationToken);

    public Task<ConversationReference?> FindPersonalAsync(string tenantId, string personId, CancellationToken cancellationToken) =>
        ReadAsync("""
            SELECT reference FROM bot_conversation_references
            WHERE tenant_id = $a AND person_id = $b AND conversation_type = 'personal'
            ORDER BY updated_at DESC, rowid DESC LIMIT 1
            """, tenantId, personId, cancellationToken);

    /// <summary>The most recently seen conversation: where to reach the connector when no turn is at hand (a send from the tab).</summary>
    public Task<ConversationReference?> LatestAsync(CancellationToken cancellationToken) =>
        ReadAsync("SELECT reference FROM bot_conversation_references WHERE $a = $a ORDER BY updated_at DESC, rowid DESC LIMIT 1", "1", null, cancellationToken);

    /// <summary>Everyone with a 1:1 chat with the bot in the tenant, i.e. who installed the app personally.</summary>
    public async Task<IReadOnlyList<string>> ListPersonalPeopleAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT person_id FROM bot_conversation_references
            WHERE tenant_id = $tenant AND conversation_type = 'personal' AND person_id IS NOT NULL ORDER BY person_id
            """;
        command.Parameters.AddWithValue("$tenant", tenantId);
        var people = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            people.Add(reader.GetString(0));
        }
        return people;
    }

    private async Task<ConversationReference?> ReadAsync(string sql, string a, string? b, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", a);
        if (b is not null)
        {
            command.Parameters.AddWithValue("$b", b);
        }
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<ConversationReference>(json, BotJson.Options)
            : null;
    }
}
