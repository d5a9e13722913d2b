using System.Net;
using System.Text;
using System.Text.Json;
using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Api;

/// <summary>Organizers change a phase's dates and status; bad input is refused with every problem named and nothing stored.</summary>
public sealed class PhaseEditTests : IAsyncLifetime
{
    // Each test gets its own app and database: the tests change the stored process.
    private readonly TabAppFactory _app = TabAppFactory.Local();
    private HttpClient _client = null!;
    private string _organizer = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        _organizer = await _client.DevSignInAsync(SeededPeople.Organizer);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<JsonElement> PhaseAsync(string id)
    {
        var timeline = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/process", _organizer)).JsonAsync();
        return timeline.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task AnOrganizerMovesAWorkshopAndTheTimelineShowsTheNewDates()
    {
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/workshop-2", _organizer,
            new { plannedStart = "2024-06-25", plannedEnd = "2024-06-26", actualStart = "2024-06-25", actualEnd = "2024-06-26", status = "done" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = (await response.JsonAsync()).GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "workshop-2");
        Assert.Equal("2024-06-25", answered.GetProperty("plannedStart").GetString());

        var stored = await PhaseAsync("workshop-2");
        Assert.Equal("2024-06-25", stored.GetProperty("plannedStart").GetString());
        Assert.Equal("2024-06-26", stored.GetProperty("plannedEnd").GetString());
        Assert.Equal("2024-06-26", stored.GetProperty("actualEnd").GetString());
        Assert.Equal("done", stored.GetProperty("status").GetString());
        Assert.Equal("abgeschlossen", stored.GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRefusedInGermanAndNothingChanges()
    {
        var before = (await PhaseAsync("evaluation")).GetRawText();
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/evaluation", _organizer,
            new { plannedStart = "2024-08-30", plannedEnd = "2024-07-01", status = "running" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Die Änderung wurde nicht gespeichert.", problem.GetProperty("title").GetString());
        Assert.Equal("Das geplante Ende (01.07.2024) liegt vor dem geplanten Beginn (30.08.2024).",
            problem.GetProperty("errors").GetProperty("plannedEnd")[0].GetString());
        Assert.Equal(before, (await PhaseAsync("evaluation")).GetRawText());
    }

    [Fact]
    public async Task EveryWrongFieldIsNamedInEnglishWhenTheClientAsksForEnglish()
    {
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/evaluation", _organizer,
            new { plannedStart = "30.08.2024", plannedEnd = "", actualEnd = "2024-02-30", status = "finished" }, language: "en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("“30.08.2024” is not a valid date (expected: YYYY-MM-DD).", errors.GetProperty("plannedStart")[0].GetString());
        Assert.Equal("Please enter a date.", errors.GetProperty("plannedEnd")[0].GetString());
        Assert.Equal("“2024-02-30” is not a valid date (expected: YYYY-MM-DD).", errors.GetProperty("actualEnd")[0].GetString());
        Assert.StartsWith("Unknown status “finished”", errors.GetProperty("status")[0].GetString());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("")]
    public async Task AStatusMustBeOneOfTheFourNames(string status)
    {
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/evaluation", _organizer,
            new { plannedStart = "2024-07-01", plannedEnd = "2024-08-30", status });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonGetsAProblemNotACrash()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/tab/process/phases/evaluation")
        {
            Content = new StringContent("{ plannedStart: ", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", _organizer);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownPhaseIs404()
    {
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/no-such-phase", _organizer,
            new { plannedStart = "2024-07-01", plannedEnd = "2024-08-30", status = "planned" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Den Baustein 'no-such-phase' gibt es nicht.", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task EditsOfDifferentPhasesAtTheSameTimeAreAllKept()
    {
        var phases = new[] { "interviews", "workshop-1", "workshop-2", "evaluation", "committees", "extension" };
        var responses = await Task.WhenAll(phases.Select((id, i) => _client.SendAsync(HttpMethod.Put, $"/api/tab/process/phases/{id}", _organizer,
            new { plannedStart = $"2026-0{i + 1}-01", plannedEnd = $"2026-0{i + 1}-15", status = "planned" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        for (var i = 0; i < phases.Length; i++)
        {
            Assert.Equal($"2026-0{i + 1}-01", (await PhaseAsync(phases[i])).GetProperty("plannedStart").GetString());
        }
    }

    [Fact]
    public async Task TheEditSurvivesARestart()
    {
        await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/committees", _organizer,
            new { plannedStart = "2024-10-01", plannedEnd = "2024-12-13", status = "planned" });
        // A second app on the same SQLite file, as after a restart; the first one's file stays theirs to delete.
        await using var restarted = TabAppFactory.Local(_app.DatabasePath);
        using var client = restarted.CreateClient();
        var token = await client.DevSignInAsync(SeededPeople.Staff);
        var timeline = await (await client.SendAsync(HttpMethod.Get, "/api/tab/process", token)).JsonAsync();
        var committees = timeline.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "committees");
        Assert.Equal("2024-12-13", committees.GetProperty("plannedEnd").GetString());
    }
}
