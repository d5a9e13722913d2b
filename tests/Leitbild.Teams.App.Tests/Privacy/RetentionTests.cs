using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Polls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>Retention on the app's real SQLite file: personal data goes a set time after the process, anonymous answers stay.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private PrivacyWorld _world = null!;

    public async Task InitializeAsync() => _world = await new PrivacyWorld(("Leitbild:Privacy:RetentionDays", "30")).FillAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<IReadOnlyDictionary<string, int>?> RunAsync() =>
        RetentionRun.RunAsync(_world.Factory.Services, 30, CancellationToken.None);

    [Fact]
    public async Task NothingIsDeletedWhileTheProcessRuns()
    {
        Assert.Null(await RunAsync());
        Assert.NotEmpty(await _world.WhereFoundAsync(PrivacyWorld.Person, "directory_state", "organisation"));
    }

    [Fact]
    public async Task NothingIsDeletedBeforeTheRetentionPeriodHasPassed()
    {
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        Assert.Null(await RunAsync());
        Assert.Equal(2, await _world.CountAsync("SELECT COUNT(*) FROM bot_conversation_references"));
    }

    [Fact]
    public async Task AfterThePeriodNoPersonIsLeftOutsideTheDirectoryButAnonymousAnswersStay()
    {
        var anonymousBefore = await _world.CountAsync("SELECT COUNT(*) FROM poll_answers WHERE respondent_key LIKE 'anon-%'");
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-31));

        var changed = await RunAsync();

        Assert.NotNull(changed);
        Assert.True(changed["poll_answers"] > 0);
        foreach (var person in new[] { PrivacyWorld.Person, PrivacyWorld.Other, DevSignIn.Organizer, PrivacyWorld.PersonEmail, "Bernd Fiktiva" })
        {
            Assert.Empty(await _world.WhereFoundAsync(person, "directory_state", "organisation"));
        }
        Assert.Equal(anonymousBefore, await _world.CountAsync("SELECT COUNT(*) FROM poll_answers WHERE respondent_key LIKE 'anon-%'"));
        Assert.Equal(0, await _world.CountAsync("SELECT COUNT(*) FROM poll_participants"));
        Assert.Equal(1, await _world.CountAsync("SELECT COUNT(*) FROM evaluation_statements WHERE consent = 'QuoteAnonymously' AND named_as IS NULL"));
    }

    [Fact]
    public async Task RetentionDeletesTheNamedAnswersOfTheResultsStoreOnceAndKeepsTheAnonymousOnes()
    {
        const string Named = "SELECT COUNT(*) FROM results_answers WHERE respondent_key NOT LIKE 'anon-%'";
        const string Anonymous = "SELECT COUNT(*) FROM results_answers WHERE respondent_key LIKE 'anon-%'";
        // The outbox worker delivers the answers to the local results store shortly after they were given; count once all are there.
        var outbox = _world.Factory.Services.GetRequiredService<Core.Results.IResultsOutbox>();
        await Microsoft365.Microsoft365EndToEndTests.WaitUntilAsync(async () =>
            (await outbox.CountAsync(CancellationToken.None)).Pending == 0 && await _world.CountAsync(Named) > 0 && await _world.CountAsync(Anonymous) > 0);
        var named = await _world.CountAsync(Named);
        var anonymous = await _world.CountAsync(Anonymous);
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-31));

        var changed = await RunAsync();

        Assert.Equal(named, changed![Core.Privacy.PersonalDataService.ResultsStoreEntry]);
        Assert.Equal(0, await _world.CountAsync(Named));
        Assert.Equal(anonymous, await _world.CountAsync(Anonymous));
        Assert.Equal(0, (await RunAsync())![Core.Privacy.PersonalDataService.ResultsStoreEntry]);
    }

    [Fact]
    public async Task APollStaysReadableWithItsResultsAfterRetentionButWithoutItsAuthorAndAudience()
    {
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-31));
        await RunAsync();

        var poll = await _world.Factory.Services.GetRequiredService<IPollStore>().GetAsync(_world.AnonymousPoll.Id, CancellationToken.None);
        Assert.NotNull(poll);
        Assert.Equal("", poll.CreatedBy);
        Assert.Empty(poll.Audience.PersonIds);
        var results = await _world.Factory.Services.GetRequiredService<PollService>().ResultsAsync(poll.Id, includeHiddenComments: true, CancellationToken.None);
        Assert.Equal(2, results!.RespondentCount);
    }

    [Fact]
    public async Task ASecondRunFindsNothingLeftAndKeepsTheEntryOfTheFirst()
    {
        await _world.EndProcessAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-31));
        await RunAsync();
        var second = await RunAsync();

        Assert.Equal(0, second!.Values.Sum());
        var entries = await _world.Factory.Services.GetRequiredService<SqliteAuditLog>().ReadAsync(10, null, CancellationToken.None);
        var entry = Assert.Single(entries);
        Assert.Equal("retention", entry.Action);
        Assert.Equal(SqliteAuditLog.SystemActor, entry.ActorId);
    }
}

/// <summary>Retention settings are checked at start (ValidateOnStart): a wrong one stops the app with its name.</summary>
public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData("Leitbild:Privacy:RetentionDays", "7")]
    [InlineData("Leitbild:Privacy:RetentionDays", "5000")]
    [InlineData("Leitbild:Privacy:RetentionCheckHours", "0")]
    [InlineData("Leitbild:Privacy:AccessibilityContact", "a\u0007b")]
    public void ASettingOutsideItsRangeFailsTheStartValidationNamingIt(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPrivacy().BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key.Split(':')[^1], failure.Message);
    }

    [Fact]
    public void TheDefaultsPassTheStartValidation()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPrivacy().BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(180, services.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays);
    }
}
