using System.Security.Cryptography;

namespace Leitbild.Teams.App.Storage;

/// <summary>Keys the app makes for itself once and keeps in the database (the .ics link key). The anonymity key is never one of them.</summary>
public sealed class AppSecrets(SqliteDatabase database)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _known = new(StringComparer.Ordinal);

    /// <summary>The 32-byte secret of that name; the first caller creates it, everyone after reads the same one.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(name, out var known))
        {
            return known;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO app_secrets(name, value) VALUES ($name, $value) ON CONFLICT(name) DO NOTHING";
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM app_secrets WHERE name = $name";
        read.Parameters.AddWithValue("$name", name);
        var secret = Convert.FromBase64String((string)(await read.ExecuteScalarAsync(cancellationToken))!);
        return _known.GetOrAdd(name, secret);
    }
}
