using System.Net;
using System.Net.Http.Json;
using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Api;

/// <summary>What the host frames: the page shells, their headers, the texts and the vendored libraries.</summary>
public sealed class TabPagesTests(LocalApp app) : IClassFixture<LocalApp>
{
    private readonly HttpClient _client = app.Client;

    public static TheoryData<string> Pages =>
    [
        "/tab/dashboard", "/tab/dashboard/interviews-workshops", "/tab/dashboard/umfragen", "/tab/dashboard/ergebnisse",
        "/tab/mein-leitbild", "/tab/config", "/tab/channel?process=bergkamen-leitbild-2024", "/tab/dev-signin",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPageMayBeFramedByMicrosoft365HostsOnly(string page)
    {
        var response = await _client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var frameAncestors = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Equal(
            ["*.cloud.microsoft", "*.microsoft365.com", "*.office.com", "*.teams.microsoft.com", "outlook-sdf.office.com",
             "outlook-sdf.office365.com", "outlook.office.com", "outlook.office365.com", "teams.microsoft.com"],
            frameAncestors.Split(' ').Skip(1).Order(StringComparer.Ordinal));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self' https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json;", csp);
    }

    [Fact]
    public async Task PagesAreGermanByDefaultAndEnglishOnRequest()
    {
        var german = await _client.GetStringAsync("/tab/mein-leitbild");
        var english = await _client.GetStringAsync("/tab/mein-leitbild?lang=en");
        Assert.Contains("<html lang=\"de\"", german);
        Assert.Contains("<title>Mein Leitbild</title>", german);
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("<title>My Leitbild</title>", english);
    }

    [Fact]
    public async Task TheShellLoadsTeamsJsAndTheTabModuleWithoutInlineScript()
    {
        var html = await _client.GetStringAsync("/tab/dashboard");
        Assert.Contains("<script src=\"/lib/MicrosoftTeams.min.js\"></script>", html);
        Assert.Contains("<script type=\"module\" src=\"/tab/js/main.js\"></script>", html);
        Assert.Equal(2, html.Split("<script").Length - 1);
    }

    [Theory]
    [InlineData("/lib/MicrosoftTeams.min.js", "text/javascript")]
    [InlineData("/lib/adaptivecards.min.js", "text/javascript")]
    [InlineData("/tab/js/main.js", "text/javascript")]
    [InlineData("/tab/css/tab.css", "text/css")]
    public async Task TheScriptsAndStylesAreServedFromTheApp(string path, string contentType)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheVendoredTeamsJsIsVersion258()
    {
        var script = await _client.GetStringAsync("/lib/MicrosoftTeams.min.js");
        Assert.Contains("\"2.58.0\"", script);
    }

    [Fact]
    public async Task TheTextsEndpointServesOnlyTheTabsStringsInTheAskedLanguage()
    {
        var german = await _client.GetFromJsonAsync<Dictionary<string, string>>("/api/tab/texts/de");
        var english = await _client.GetFromJsonAsync<Dictionary<string, string>>("/api/tab/texts/en");
        Assert.All(german!.Keys, key => Assert.True(key.StartsWith("tab.", StringComparison.Ordinal) || key.StartsWith("phase.status.", StringComparison.Ordinal), key));
        Assert.Equal(german.Keys.Order(), english!.Keys.Order());
        Assert.Equal("Mein Leitbild", german["tab.my.heading"]);
        Assert.Equal("My Leitbild", english["tab.my.heading"]);
        Assert.DoesNotContain("start.title", german.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/tab/texts/fr")).StatusCode);
    }

    [Fact]
    public async Task EveryTextKeyTheScriptsUseExists()
    {
        var texts = await _client.GetFromJsonAsync<Dictionary<string, string>>("/api/tab/texts/de");
        var scripts = Path.Combine(RepoPaths.Root, "src", "Leitbild.Teams.App", "wwwroot", "tab", "js");
        var used = Directory.EnumerateFiles(scripts, "*.js", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"t\('((?:tab|phase)\.[A-Za-z0-9.\-]+)'"))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(texts!.ContainsKey(key), $"missing text {key}"));
    }

    [Fact]
    public async Task TheOldProcessApiStaysOpenForTheStartPage()
    {
        var response = await _client.GetAsync("/api/process");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bergkamen-leitbild-2024", (await response.JsonAsync()).GetProperty("id").GetString());
    }
}
