using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Storage;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"leitbild-db-{Guid.NewGuid():N}", "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
    }

    [Theory]
    [InlineData(SqliteJournal.Wal, "wal")]
    [InlineData(SqliteJournal.Delete, "delete")]
    public async Task JournalModeFollowsTheSettingAndTheFolderIsCreated(SqliteJournal journal, string expected)
    {
        var database = new SqliteDatabase(Path.Combine(_folder, $"{expected}.db"), journal);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal(expected, (string)(await command.ExecuteScalarAsync())!);
        Assert.True(File.Exists(database.Path));
    }
}
