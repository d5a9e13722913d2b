using System.Text.Json;
using Leitbild.Teams.App.Privacy;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>The retention and person-data verbs on the app's real SQLite file, as an operator runs them.</summary>
public sealed class PrivacyVerbsTests : IAsyncLifetime
{
    private PrivacyWorld _world = null!;

    public async Task InitializeAsync() => _world = await new PrivacyWorld().FillAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> RunAsync(Cli.CommandLineVerbs.Verb verb, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await verb(arguments, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task RetentionSaysWhenItWillBeDueAndDeletesNothingBefore()
    {
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        var (code, output, _) = await RunAsync(PrivacyVerbs.RetentionAsync, "--database", _world.Factory.DatabasePath);

        Assert.Equal(0, code);
        Assert.Contains("Noch nicht fällig", output);
        Assert.Contains(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(170).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), output);
        Assert.Equal(2, await _world.CountAsync("SELECT COUNT(*) FROM bot_conversation_references"));
    }

    [Fact]
    public async Task RetentionDeletesOnceDueAndNamesTheTables()
    {
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-181));
        var (code, output, _) = await RunAsync(PrivacyVerbs.RetentionAsync, "--database", _world.Factory.DatabasePath);

        Assert.Equal(0, code);
        Assert.Contains("bot_conversation_references: 2", output);
        Assert.Equal(0, await _world.CountAsync("SELECT COUNT(*) FROM bot_conversation_references"));
    }

    [Fact]
    public async Task PersonDataExportsToAFileThenErasesAndRecordsBothInTheAuditLog()
    {
        var file = Path.Combine(Path.GetTempPath(), $"auskunft-{Guid.NewGuid():N}.json");
        try
        {
            var export = await RunAsync(PrivacyVerbs.PersonAsync, "--person", PrivacyWorld.Person, "--export", file, "--database", _world.Factory.DatabasePath);
            Assert.Equal(0, export.Code);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Assert.True(json.RootElement.GetProperty("stores").GetProperty("poll_answers").GetArrayLength() > 0);
            Assert.Contains("anonym", json.RootElement.GetProperty("anonymousAnswers").GetString());

            var erase = await RunAsync(PrivacyVerbs.PersonAsync, "--person", PrivacyWorld.Person, "--erase", "--database", _world.Factory.DatabasePath);
            Assert.Equal(0, erase.Code);
            Assert.Equal(0, await _world.CountAsync($"SELECT COUNT(*) FROM poll_answers WHERE respondent_key = '{PrivacyWorld.Person}'"));
            Assert.Equal(2, await _world.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor_id = 'cli' AND action LIKE 'person-data%'"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--person", "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8")]
    [InlineData("--person", "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8", "--erase", "--export", "x.json")]
    [InlineData("--erase")]
    [InlineData("--person", "kein-guid", "--erase")]
    public async Task PersonDataRefusesWrongArgumentsWithoutChangingAnything(params string[] arguments)
    {
        var before = await _world.CountAsync("SELECT COUNT(*) FROM poll_answers");
        var (code, _, error) = await RunAsync(PrivacyVerbs.PersonAsync, [.. arguments, "--database", _world.Factory.DatabasePath]);

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
        Assert.Equal(before, await _world.CountAsync("SELECT COUNT(*) FROM poll_answers"));
    }
}
