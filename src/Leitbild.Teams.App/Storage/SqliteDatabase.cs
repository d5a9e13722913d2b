using Leitbild.Teams.App.Hosting;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Storage;

/// <summary>The app's one SQLite file: opens connections with the pragmas every caller needs.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDatabase(string path, SqliteJournal journal = SqliteJournal.Wal)
    {
        Path = path;
        // SQLite creates the file but not its folder.
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        // WAL lets the tab read while the bot writes; on a network share it is unsafe (it needs shared memory), so there
        // the classic rollback journal is used. busy_timeout makes concurrent writers wait instead of failing;
        // synchronous=FULL because an answer acknowledged to a person must survive a power cut.
        var mode = journal == SqliteJournal.Delete ? "DELETE" : "WAL";
        _pragmas = $"PRAGMA journal_mode={mode}; PRAGMA busy_timeout=5000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = _pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
