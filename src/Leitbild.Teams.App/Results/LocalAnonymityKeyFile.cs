using System.Security.Cryptography;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Storage;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// Local mode's anonymity key: in a file of its own beside the database, readable by the app's user only, never in
/// the database - whoever holds a copy of the database alone cannot recompute anyone's anonymous key. A key that an
/// earlier version kept in the database is moved into the file once (so existing answers keep their keys) and
/// deleted there. Microsoft 365 mode takes Leitbild:AnonymousKey from Key Vault instead.
/// </summary>
public sealed class LocalAnonymityKeyFile(IOptions<LeitbildOptions> options, SqliteDatabase database)
{
    /// <summary>Where the key sat before it moved out of the database (app_secrets).</summary>
    internal const string LegacySecretName = "results.anonymous-key";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Path => options.Value.AnonymousKeyPath is { Length: > 0 } configured
        ? System.IO.Path.GetFullPath(configured)
        : System.IO.Path.GetFullPath(options.Value.DatabasePath) + ".anonymity-key";

    public async Task<byte[]> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(Path))
            {
                var key = await TakeLegacyKeyAsync(cancellationToken) ?? RandomNumberGenerator.GetBytes(32);
                Write(key);
            }
            else if (!OperatingSystem.IsWindows())
            {
                // A copy or a restore may have widened it; the key is for the app's user only.
                File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            var stored = Convert.FromBase64String((await File.ReadAllTextAsync(Path, cancellationToken)).Trim());
            await ForgetLegacyKeyAsync(cancellationToken);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Write(byte[] key)
    {
        var temporary = Path + ".new";
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: false);
    }

    private async Task<byte[]?> TakeLegacyKeyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM app_secrets WHERE name = $name";
        read.Parameters.AddWithValue("$name", LegacySecretName);
        return await read.ExecuteScalarAsync(cancellationToken) is string value ? Convert.FromBase64String(value) : null;
    }

    // Only once the file holds the key: a crash between the two steps leaves the key in both places, never in neither.
    private async Task ForgetLegacyKeyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM app_secrets WHERE name = $name";
        delete.Parameters.AddWithValue("$name", LegacySecretName);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
