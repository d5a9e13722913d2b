using System.Text;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Results;

public sealed class LocalAnonymityKeyFileTests
{
    [Fact]
    public async Task LocalModeKeepsTheAnonymityKeyInAFileForTheAppsUserOnlyAndNeverInTheDatabase()
    {
        await using var app = new LocalAppFactory();
        _ = app.CreateClient();
        var keyFile = app.Services.GetRequiredService<LocalAnonymityKeyFile>();

        var key = await keyFile.GetOrCreateAsync(CancellationToken.None);

        Assert.Equal(app.DatabasePath + ".anonymity-key", keyFile.Path);
        Assert.Equal(32, key.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile.Path));
        }
        Assert.Equal(0L, Scalar(app.DatabasePath, "SELECT count(*) FROM app_secrets WHERE name LIKE '%anonym%'"));
        SqliteConnection.ClearAllPools();
        var databaseBytes = Encoding.ASCII.GetString(await File.ReadAllBytesAsync(app.DatabasePath));
        Assert.DoesNotContain(Convert.ToBase64String(key), databaseBytes, StringComparison.Ordinal);
        Assert.Equal(key, await keyFile.GetOrCreateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AKeyAnEarlierVersionKeptInTheDatabaseMovesIntoTheFileSoEarlierAnswersKeepTheirKeys()
    {
        await using var app = new LocalAppFactory();
        _ = app.CreateClient();
        var keyFile = app.Services.GetRequiredService<LocalAnonymityKeyFile>();
        var earlier = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        Scalar(app.DatabasePath, $"INSERT INTO app_secrets(name, value) VALUES ('results.anonymous-key', '{Convert.ToBase64String(earlier)}')");

        var key = await keyFile.GetOrCreateAsync(CancellationToken.None);

        Assert.Equal(earlier, key);
        Assert.Equal(Convert.ToBase64String(earlier), (await File.ReadAllTextAsync(keyFile.Path)).Trim());
        Assert.Equal(0L, Scalar(app.DatabasePath, "SELECT count(*) FROM app_secrets WHERE name = 'results.anonymous-key'"));
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
