using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;

// Not "Leitbild.Teams.App.Directory": that namespace would hide System.IO.Directory from every other feature.
namespace Leitbild.Teams.App.StaffDirectory;

/// <summary>The last good Entra sync and the latest attempt, each one JSON row in SQLite.</summary>
public sealed class SqliteDirectoryStateStore(SqliteDatabase database) : IDirectoryStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<DirectoryState?> LoadAsync(CancellationToken cancellationToken)
    {
        var json = await ReadAsync("SELECT document FROM directory_state WHERE id = 1", cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<StoredState>(json, Json)!.ToState();
    }

    public async Task SaveAsync(DirectoryState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directory_state(id, document, synced_at) VALUES (1, $doc, $at)
            ON CONFLICT(id) DO UPDATE SET document = excluded.document, synced_at = excluded.synced_at
            """;
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(StoredState.From(state), Json));
        command.Parameters.AddWithValue("$at", state.SyncedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DirectorySyncStatus?> LoadStatusAsync(CancellationToken cancellationToken)
    {
        var json = await ReadAsync("SELECT document FROM directory_sync_status WHERE id = 1", cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<DirectorySyncStatus>(json, Json);
    }

    public async Task SaveStatusAsync(DirectorySyncStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directory_sync_status(id, document) VALUES (1, $doc)
            ON CONFLICT(id) DO UPDATE SET document = excluded.document
            """;
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(status, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string?> ReadAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The stored shape: plain lists and dictionaries, so the JSON does not depend on set types.</summary>
    private sealed record StoredState(
        List<EntraUser> Users,
        string DeltaLink,
        Dictionary<string, List<string>> GroupMembers,
        Dictionary<string, List<Role>> Roles,
        DateTimeOffset SyncedAt)
    {
        public static StoredState From(DirectoryState state) => new(
            [.. state.Users],
            state.DeltaLink,
            state.GroupMembers.ToDictionary(g => g.Key, g => g.Value.Order(StringComparer.Ordinal).ToList()),
            state.Roles.ToDictionary(r => r.Key, r => r.Value.ToList()),
            state.SyncedAt);

        public DirectoryState ToState() => new()
        {
            Users = Users,
            DeltaLink = DeltaLink,
            GroupMembers = GroupMembers.ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Value.ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
            Roles = Roles.ToDictionary(r => r.Key, r => (IReadOnlyList<Role>)r.Value, StringComparer.OrdinalIgnoreCase),
            SyncedAt = SyncedAt,
        };
    }
}
