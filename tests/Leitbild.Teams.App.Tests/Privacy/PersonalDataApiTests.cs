using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>Art. 15 and 17 through the organizers' API, on the real SQLite file.</summary>
public sealed class PersonalDataApiTests : IAsyncLifetime
{
    /// <summary>Anna Musterfrau: a head of office (reviewer), not an organizer.</summary>
    private const string Reviewer = "b419bdba-9fac-59f2-94ae-477b23679514";

    private PrivacyWorld _world = null!;

    public async Task InitializeAsync() => _world = await new PrivacyWorld().FillAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<HttpClient> ClientAsync(string personId)
    {
        var client = _world.Factory.CreateClient();
        await client.SignInAsync(personId);
        return client;
    }

    [Fact]
    public async Task AnOrganizerGetsAPersonsNamedAnswersBookingsNotesAndChatsButNoAnonymousAnswer()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        var export = await client.GetFromJsonAsync<JsonElement>($"/api/privacy/people/{PrivacyWorld.Person.ToUpperInvariant()}");

        Assert.Equal(PrivacyWorld.Person, export.GetProperty("personId").GetString());
        var stores = export.GetProperty("stores");
        var answers = stores.GetProperty("poll_answers").EnumerateArray().ToList();
        Assert.All(answers, a => Assert.Equal(_world.NamedPoll.Id, a.GetProperty("pollId").GetString()));
        Assert.Contains(answers, a => a.GetProperty("value").TryGetProperty("text", out var text) && text.GetString() == "Mehr Radwege");
        Assert.DoesNotContain("Anonym gesagt", export.GetRawText());
        Assert.Equal("i1", stores.GetProperty("scheduling_interviews")[0].GetProperty("interview").GetString());
        Assert.Equal("Bernd Fiktiva (StA 10)", stores.GetProperty("evaluation_statements")[0].GetProperty("namedAs").GetString());
        Assert.Equal("e1", stores.GetProperty("scheduling_event_attendees")[0].GetProperty("event").GetString());
        Assert.Single(stores.GetProperty("bot_conversation_references").EnumerateArray());
        // Participation in both polls is the person's data; which answers were theirs in the anonymous one is not.
        Assert.Equal(2, stores.GetProperty("poll_participants").GetArrayLength());
        Assert.Contains("anonym", export.GetProperty("anonymousAnswers").GetString());
        Assert.DoesNotContain(PrivacyWorld.Other, export.GetRawText());
    }

    [Fact]
    public async Task ErasureDeletesThePersonsAnswersFromTheLocalResultsStoreAndLeavesOthersAndAnonymousOnes()
    {
        var person = $"SELECT COUNT(*) FROM results_answers WHERE respondent_key = '{PrivacyWorld.Person}'";
        var other = $"SELECT COUNT(*) FROM results_answers WHERE respondent_key = '{PrivacyWorld.Other}'";
        const string Anonymous = "SELECT COUNT(*) FROM results_answers WHERE respondent_key LIKE 'anon-%'";
        await Microsoft365.Microsoft365EndToEndTests.WaitUntilAsync(async () =>
            await _world.CountAsync(person) > 0 && await _world.CountAsync(other) > 0 && await _world.CountAsync(Anonymous) > 0);
        var (stored, otherBefore, anonymousBefore) = (await _world.CountAsync(person), await _world.CountAsync(other), await _world.CountAsync(Anonymous));
        var client = await ClientAsync(DevSignIn.Organizer);

        var response = await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Person}");

        var changed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed");
        Assert.Equal(stored, changed.GetProperty("results_store").GetInt32());
        Assert.False(changed.TryGetProperty("results_answers", out _));
        Assert.Equal(0, await _world.CountAsync(person));
        Assert.Equal(otherBefore, await _world.CountAsync(other));
        Assert.Equal(anonymousBefore, await _world.CountAsync(Anonymous));
    }

    [Fact]
    public async Task ErasureRemovesThePersonEverywhereButTheDirectoryAndTheAuditEntryAndLeavesOthersAlone()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        var otherBefore = await _world.WhereFoundAsync(PrivacyWorld.Other, "directory_state", "organisation");
        var anonymousBefore = await _world.CountAsync("SELECT COUNT(*) FROM poll_answers WHERE respondent_key LIKE 'anon-%'");

        var first = await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Person}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateObject().Any());

        Assert.Empty(await _world.WhereFoundAsync(PrivacyWorld.Person, "directory_state", "organisation", "audit_log"));
        Assert.Empty(await _world.WhereFoundAsync(PrivacyWorld.PersonEmail, "directory_state", "organisation"));
        Assert.Empty(await _world.WhereFoundAsync("Bernd Fiktiva", "directory_state", "organisation"));
        Assert.Equal(otherBefore, await _world.WhereFoundAsync(PrivacyWorld.Other, "directory_state", "organisation"));
        Assert.Equal(anonymousBefore, await _world.CountAsync("SELECT COUNT(*) FROM poll_answers WHERE respondent_key LIKE 'anon-%'"));
    }

    [Fact]
    public async Task ErasingTwiceChangesNothingTheSecondTime()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        (await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Person}")).EnsureSuccessStatusCode();
        var second = await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Person}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Empty((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateObject());
        var export = await client.GetFromJsonAsync<JsonElement>($"/api/privacy/people/{PrivacyWorld.Person}");
        Assert.Empty(export.GetProperty("stores").EnumerateObject());
    }

    [Fact]
    public async Task AGuestOrganizerMayNotExportOrErasePersonalData()
    {
        var client = await ClientAsync(DevSignIn.GuestOrganizer);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/privacy/people/{PrivacyWorld.Person}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Person}")).StatusCode);
        Assert.Equal(1, await _world.CountAsync($"SELECT COUNT(*) FROM bot_conversation_references WHERE person_id = '{PrivacyWorld.Person}'"));
    }

    [Theory]
    [InlineData(Reviewer)]
    [InlineData(PrivacyWorld.Person)]
    public async Task NeitherAReviewerNorThePersonThemselvesReachesThePrivacyApi(string personId)
    {
        var client = await ClientAsync(personId);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/privacy/people/{PrivacyWorld.Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/privacy/audit")).StatusCode);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("92a6ccf0' OR '1'='1")]
    public async Task APersonIdThatIsNoObjectIdIsRefusedAndNothingChanges(string personId)
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        var before = await _world.CountAsync("SELECT COUNT(*) FROM poll_answers");
        var response = await client.DeleteAsync($"/api/privacy/people/{Uri.EscapeDataString(personId)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _world.CountAsync("SELECT COUNT(*) FROM poll_answers"));
    }
}
