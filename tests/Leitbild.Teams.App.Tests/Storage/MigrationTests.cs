using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.App.Tests.Storage;

public sealed class MigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"leitbild-migrations-{Guid.NewGuid():N}.db");
    private readonly SqliteDatabase _database;

    public MigrationTests() => _database = new SqliteDatabase(_path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private MigrationRunner Runner(params Migration[] migrations) =>
        new(_database, migrations, new FakeTimeProvider(), NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task RunningMigrationsTwiceGivesTheSameSchema()
    {
        var first = await Runner(ProcessMigrations.All).ApplyAsync(CancellationToken.None);
        var schemaAfterFirst = await SchemaAsync();
        var second = await Runner(ProcessMigrations.All).ApplyAsync(CancellationToken.None);

        Assert.NotEmpty(first);
        Assert.Empty(second);
        Assert.Equal(schemaAfterFirst, await SchemaAsync());
    }

    [Fact]
    public async Task MigrationsApplyInVersionOrderWhateverTheRegistrationOrder()
    {
        var applied = await Runner(
            new Migration(3, "c", "CREATE TABLE c (x INTEGER REFERENCES b(x));"),
            new Migration(2, "b", "CREATE TABLE b (x INTEGER PRIMARY KEY);")).ApplyAsync(CancellationToken.None);
        Assert.Equal([2, 3], applied);
    }

    [Fact]
    public async Task AFailingMigrationLeavesNothingHalfDone()
    {
        var runner = Runner(new Migration(5, "broken", "CREATE TABLE ok (x INTEGER); CREATE TABLE broken (;"));
        await Assert.ThrowsAsync<SqliteException>(() => runner.ApplyAsync(CancellationToken.None));
        Assert.DoesNotContain("CREATE TABLE ok", await SchemaAsync());
        Assert.Equal([5], await Runner(new Migration(5, "fixed", "CREATE TABLE ok (x INTEGER);")).ApplyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TwoMigrationsWithOneVersionAreRefused()
    {
        var runner = Runner(new Migration(7, "a", "SELECT 1;"), new Migration(7, "b", "SELECT 1;"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.ApplyAsync(CancellationToken.None));
        Assert.Contains("version 7", error.Message);
    }

    [Fact]
    public async Task SeedingHappensOnceAndKeepsEdits()
    {
        await Runner(ProcessMigrations.All).ApplyAsync(CancellationToken.None);
        var store = new SqliteProcessStore(_database, new FakeTimeProvider());
        var template = TemplateFiles.Load(null);

        Assert.True(await store.SeedAsync(template, CancellationToken.None));
        var edited = template.Process with { Phases = [.. template.Process.Phases.Select(p => p.Id == "committees" ? p with { PlannedStart = new DateOnly(2024, 10, 1) } : p)] };
        await store.SaveProcessAsync(edited, CancellationToken.None);
        Assert.False(await store.SeedAsync(template, CancellationToken.None));

        var stored = await store.GetProcessAsync(template.Process.Id, CancellationToken.None);
        Assert.Equal(new DateOnly(2024, 10, 1), stored!.Phases.Single(p => p.Id == "committees").PlannedStart);
    }

    private async Task<string> SchemaAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name)";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
