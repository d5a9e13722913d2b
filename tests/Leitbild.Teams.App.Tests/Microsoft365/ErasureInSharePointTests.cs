using System.Net;
using System.Text.Json;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator;
using Microsoft.Extensions.DependencyInjection;
using static Leitbild.Teams.App.Tests.Microsoft365.Microsoft365EndToEndTests;

namespace Leitbild.Teams.App.Tests.Microsoft365;

/// <summary>
/// Art. 17 in Microsoft 365 mode: the organizers' erasure deletes the person's named answers from the SharePoint list,
/// and drops the one still waiting in the outbox, so it never arrives there afterwards.
/// </summary>
[Collection(Microsoft365WorldCollection.Name)]
public sealed class ErasureInSharePointTests : IAsyncLifetime
{
    private static readonly string Organizer = Microsoft365World.PersonId(1);
    private static readonly string Erased = Microsoft365World.PersonId(2);
    private static readonly string Kept = Microsoft365World.PersonId(3);
    private Microsoft365World _world = null!;

    public async Task InitializeAsync() => _world = await Microsoft365World.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static Answer Named(string person, string goal) => new()
    {
        PollId = "poll-named",
        QuestionId = "q1",
        GoalId = goal,
        FieldOfActionId = "klima",
        Value = AnswerValue.OfRating(4),
        RespondentKey = person,
        AnsweredAt = DateTimeOffset.UtcNow,
        PhaseId = "umfrage-1",
        Channel = AnswerChannel.Chat,
        AppVersion = "test",
    };

    private static Answer Anonymous(string goal) => Named(RespondentKeys.AnonymousPrefix + new string('x', 43), goal) with { PollId = "poll-anon" };

    /// <summary>The app in Microsoft 365 mode with three staff of the planning office synced, the organizer among them.</summary>
    private async Task<Fixtures.LocalAppFactory> SyncedAppAsync()
    {
        var planning = await FirstMappedOfficeAsync();
        _world.AddStaff(1, 3, planning.Entra!.Departments[0]);
        _world.Directory.AssignRole(Organizer, "User", EntraAppRoles.Organizer);
        var app = _world.App();
        await WaitForSyncAsync(app.CreateClient());
        return app;
    }

    [Fact]
    public async Task ErasingAPersonDeletesTheirSharePointAnswersAndTheirPendingOneButNoOneElses()
    {
        await using var app = await SyncedAppAsync();
        var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IResultsStore>();
        Assert.IsType<SharePointResultsStore>(store);
        var written = await store.UpsertManyAsync(
            [.. new[] { Named(Erased, "klima-1"), Named(Erased, "klima-2"), Named(Kept, "klima-1"), Anonymous("klima-1") }.Select(a => new AnswerWrite(a, MayExist: false))],
            CancellationToken.None);
        Assert.All(written, w => Assert.Equal(AnswerWriteStatus.Stored, w.Status));

        // SharePoint is unavailable when the person's next answer comes in: it waits in the outbox (Retry-After 10 min).
        _world.Graph.Faults.RetryAfterSeconds = 600;
        _world.Graph.Faults.RandomFaults = [FaultKind.ServiceUnavailable];
        _world.Graph.Faults.PathFilter = "/items";
        _world.Graph.Faults.FailureRate = 1;
        var outbox = app.Services.GetRequiredService<IResultsOutbox>();
        await outbox.EnqueueAsync(Named(Erased, "klima-3"), CancellationToken.None);
        await WaitUntilAsync(() => _world.Graph.Faults.InjectedCount > 0);
        _world.Graph.Faults.Reset();
        Assert.Equal(1, (await outbox.CountAsync(CancellationToken.None)).Pending);

        var token = _world.Entra.UserToken(Organizer, "Mitarbeitende 1", EntraAppRoles.Organizer);
        var first = await Microsoft365World.TabAsync(client, HttpMethod.Delete, $"/api/privacy/people/{Erased.ToUpperInvariant()}", token);
        var again = await Microsoft365World.TabAsync(client, HttpMethod.Delete, $"/api/privacy/people/{Erased}", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var changed = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(2, changed.RootElement.GetProperty("changed").GetProperty("results_store").GetInt32());
        Assert.Equal(1, changed.RootElement.GetProperty("changed").GetProperty("results_outbox").GetInt32());
        Assert.Equal(0, (await outbox.CountAsync(CancellationToken.None)).Pending);
        var left = _world.Lists.Items(ResultsLists.AnswersTitle).Select(i => i.Text("RespondentKey")).ToList();
        Assert.DoesNotContain(Erased, left);
        Assert.Contains(Kept, left);
        Assert.Contains(left, k => k!.StartsWith(RespondentKeys.AnonymousPrefix, StringComparison.Ordinal));
        var summary = _world.Lists.Items(ResultsLists.SummariesTitle).Single(i => i.Text("GoalId") == "klima-1");
        Assert.Equal(2, (double)summary.Fields["RespondentCount"]!);
        // Nothing is left to delete; a repeated request reports no SharePoint entry.
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var nothing = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.False(nothing.RootElement.GetProperty("changed").TryGetProperty("results_store", out _));
    }

    [Fact]
    public async Task WhileSharePointIsDownAnErasureAnswers503AndTheNextOneFinishesIt()
    {
        await using var app = await SyncedAppAsync();
        var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IResultsStore>();
        await store.UpsertManyAsync([new AnswerWrite(Named(Erased, "klima-1"), MayExist: false)], CancellationToken.None);
        var token = _world.Entra.UserToken(Organizer, "Mitarbeitende 1", EntraAppRoles.Organizer);

        // Every retry the client makes is refused too, each after a second.
        _world.Graph.Faults.RetryAfterSeconds = 1;
        _world.Graph.Faults.RandomFaults = [FaultKind.ServiceUnavailable];
        _world.Graph.Faults.PathFilter = "/items";
        _world.Graph.Faults.FailureRate = 1;
        var down = await Microsoft365World.TabAsync(client, HttpMethod.Delete, $"/api/privacy/people/{Erased}", token);
        _world.Graph.Faults.Reset();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Erased, _world.Lists.Items(ResultsLists.AnswersTitle).Select(i => i.Text("RespondentKey")));
        var up = await Microsoft365World.TabAsync(client, HttpMethod.Delete, $"/api/privacy/people/{Erased}", token);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.DoesNotContain(Erased, _world.Lists.Items(ResultsLists.AnswersTitle).Select(i => i.Text("RespondentKey")));
    }
}
