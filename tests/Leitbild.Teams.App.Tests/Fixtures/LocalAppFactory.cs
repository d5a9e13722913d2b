using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leitbild.Teams.App.Tests.Fixtures;

/// <summary>The app in local mode with its own SQLite file, deleted afterwards. Extra settings override the defaults.</summary>
public sealed class LocalAppFactory(params (string Key, string? Value)[] settings) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"leitbild-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Leitbild:DatabasePath", DatabasePath);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".anonymity-key" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
