using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.App.Tests.Results;

/// <summary>A fresh SQLite file with the foundation and results migrations applied; deleted afterwards.</summary>
internal sealed class ResultsTestDatabase : IDisposable
{
    private ResultsTestDatabase(string path) => Database = new SqliteDatabase(path);

    public SqliteDatabase Database { get; }

    public static async Task<ResultsTestDatabase> CreateAsync()
    {
        var db = new ResultsTestDatabase(Path.Combine(Path.GetTempPath(), $"leitbild-results-{Guid.NewGuid():N}.db"));
        await new MigrationRunner(db.Database, [.. ProcessMigrations.All, .. ResultsMigrations.All], TimeProvider.System, NullLogger<MigrationRunner>.Instance)
            .ApplyAsync(CancellationToken.None);
        return db;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Database.Path, Database.Path + "-wal", Database.Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
