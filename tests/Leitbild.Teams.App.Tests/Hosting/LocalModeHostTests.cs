using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Hosting;

public class LocalModeHostTests : IAsyncLifetime
{
    private readonly LocalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task HealthReportsTheDatabase()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("Local", health.GetProperty("mode").GetString());
        Assert.True(health.GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.True(health.GetProperty("database").GetProperty("schemaVersion").GetInt32() >= 1);
    }

    [Fact]
    public async Task ProcessApiServesTheSixBergkamenPhases()
    {
        var process = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/process", UriKind.Relative));
        Assert.Equal("Bergkamen", process.GetProperty("city").GetString());
        var phases = process.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(6, phases.Count);
        Assert.Equal(
            ["interviews", "workshop", "workshop", "evaluation", "committeePresentation", "extension"],
            phases.Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal("Workshop 2 – Vertiefung", phases[2].GetProperty("title").GetProperty("de").GetString());
        Assert.Equal("2024-05-14", phases[1].GetProperty("plannedStart").GetString());
    }

    [Fact]
    public async Task GoalCatalogueIsServed()
    {
        var goals = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/process/goals", UriKind.Relative));
        Assert.Equal(8, goals.GetProperty("fieldsOfAction").GetArrayLength());
    }

    [Fact]
    public async Task StartPageIsGermanAndSaysHowToConnectTheAgentsPlayground()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("lokaler Modus", html);
        Assert.Contains("agentsplayground", html);
        Assert.Contains("/api/messages", html);
        Assert.Contains("Workshop 1 – Zieldiskussion", html);
    }

    [Fact]
    public async Task StartPageSpeaksEnglishWhenAsked()
    {
        var html = await _factory.CreateClient().GetStringAsync(new Uri("/?lang=en", UriKind.Relative));
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("local mode", html);
    }
}
