using System.Net;
using System.Text;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Tab.Tests.Api;

/// <summary>/api/results: reviewers and organizers read; exports and parked answers are the organizers'; guests never get respondent keys.</summary>
public sealed class ResultsAuthorizationTests(LocalApp app) : IClassFixture<LocalApp>
{
    private readonly HttpClient _client = app.Client;

    public static TheoryData<string, string, HttpStatusCode> Matrix => new()
    {
        { SeededPeople.Staff, "/api/results/overview", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "/api/results/overview", HttpStatusCode.OK },
        { SeededPeople.Organizer, "/api/results/overview", HttpStatusCode.OK },
        { SeededPeople.GuestOrganizer, "/api/results/overview", HttpStatusCode.OK },
        { SeededPeople.Staff, "/api/results/summary?goal=klima-1", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "/api/results/summary?goal=klima-1", HttpStatusCode.OK },
        { SeededPeople.Staff, "/api/results/outbox", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "/api/results/outbox", HttpStatusCode.OK },
        { SeededPeople.Reviewer, "/api/results/parked", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "/api/results/parked", HttpStatusCode.OK },
        { SeededPeople.Staff, "/api/results/export.csv", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "/api/results/export.csv", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "/api/results/export.csv", HttpStatusCode.OK },
        { SeededPeople.GuestOrganizer, "/api/results/export.csv", HttpStatusCode.OK },
        { SeededPeople.Reviewer, "/api/results/export.xlsx", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "/api/results/export.xlsx", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleGetsWhatItsPolicyAllows(string personId, string path, HttpStatusCode expected)
    {
        var token = await _client.DevSignInAsync(personId);
        Assert.Equal(expected, (await _client.SendAsync(HttpMethod.Get, path, token)).StatusCode);
    }

    [Theory]
    [InlineData("/api/results/overview")]
    [InlineData("/api/results/export.csv")]
    [InlineData("/api/results/parked")]
    public async Task WithoutATokenResultsAnswer401(string path) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(HttpMethod.Get, path, token: null)).StatusCode);

    [Fact]
    public async Task TheOverviewGroupsGoalsByFieldOfActionAndSaysWhoMayExport()
    {
        await app.Factory.Services.GetRequiredService<IResultsStore>().UpsertManyAsync(
            [.. Enumerable.Range(1, 6).Select(n => new AnswerWrite(Answer(n, "wohnen-1", "wohnen", 1 + n % 5, "sta-61"), MayExist: false))], CancellationToken.None);

        var forReviewer = await (await _client.SendAsync(HttpMethod.Get, "/api/results/overview", await _client.DevSignInAsync(SeededPeople.Reviewer))).JsonAsync();
        var forOrganizer = await (await _client.SendAsync(HttpMethod.Get, "/api/results/overview", await _client.DevSignInAsync(SeededPeople.Organizer))).JsonAsync();

        Assert.False(forReviewer.GetProperty("canExport").GetBoolean());
        Assert.True(forOrganizer.GetProperty("canExport").GetBoolean());
        Assert.False(forReviewer.TryGetProperty("sharePointUrl", out _));
        Assert.Equal(8, forReviewer.GetProperty("fieldsOfAction").GetArrayLength());
        var wohnen = forReviewer.GetProperty("fieldsOfAction").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "wohnen");
        Assert.Equal("Wohnen", wohnen.GetProperty("title").GetString());
        var goal = wohnen.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "wohnen-1");
        Assert.Equal("Es gibt ausreichend bezahlbaren Wohnraum.", goal.GetProperty("text").GetString());
        Assert.Equal(6, goal.GetProperty("answerCount").GetInt32());
        Assert.Equal("StA 61 Stadtplanungsamt", goal.GetProperty("departments")[0].GetProperty("name").GetString());
        Assert.Equal(6, wohnen.GetProperty("answerCount").GetInt32());
    }

    internal static Answer Answer(int person, string goal, string field, int rating, string? department) => new()
    {
        PollId = "umfrage-test",
        QuestionId = "q-" + goal,
        GoalId = goal,
        FieldOfActionId = field,
        Value = AnswerValue.OfRating(rating),
        DepartmentId = department,
        RespondentKey = new Guid(person, 1, 1, new byte[8]).ToString("D"),
        AnsweredAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddMinutes(person),
        PhaseId = "evaluation",
        Channel = AnswerChannel.Chat,
        AppVersion = "0.1.0",
    };
}

/// <summary>
/// Microsoft 365 mode with Entra tokens: the same policies, the SharePoint link from the site address setting, and a guest
/// organizer's export without respondent keys. The results store is the SQLite one here (SharePoint is tested on its own).
/// </summary>
public sealed class Microsoft365ResultsTests : IAsyncLifetime
{
    private const string SiteUrl = "https://bergkamen.sharepoint.com/sites/leitbild";
    private readonly EntraTokens _tokens = new();
    private TabAppFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new TabAppFactory(
        [
            ("Leitbild:Mode", "Microsoft365"),
            ("Leitbild:Microsoft365:TenantId", EntraTokens.TenantId),
            ("Leitbild:Microsoft365:ClientId", EntraTokens.ClientId),
            ("Leitbild:Microsoft365:ClientSecret", "not-used-by-these-tests"),
            ("Leitbild:Microsoft365:SharePointSiteId", "contoso.sharepoint.com,1,2"),
            ("Leitbild:Microsoft365:SharePointSiteUrl", SiteUrl),
            ("Leitbild:AnonymousKey", "0123456789abcdef0123456789abcdef-test"),
            ("Leitbild:PublicBaseUrl", "https://" + EntraTokens.Domain),
        ], services =>
        {
            _tokens.TrustSigningKey(services);
            services.AddSingleton<IResultsStore>(sp => sp.GetRequiredService<SqliteResultsStore>());
        });
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _tokens.Dispose();
    }

    private string Token(string[] roles, bool guest = false) =>
        _tokens.Create(new EntraTokens.Claims { Roles = roles, AccountType = guest ? "1" : "0" });

    [Fact]
    public async Task AReviewerGetsTheOverviewWithTheSharePointLinkAndStaffAreRefused()
    {
        var overview = await _client.SendAsync(HttpMethod.Get, "/api/results/overview", Token([TabRoles.Reviewer]));
        var staff = await _client.SendAsync(HttpMethod.Get, "/api/results/overview", Token([]));

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(SiteUrl + "/_layouts/15/viewlsts.aspx", (await overview.JsonAsync()).GetProperty("sharePointUrl").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, "/api/results/export.csv", Token([TabRoles.Reviewer]))).StatusCode);
    }

    [Fact]
    public async Task AGuestOrganizersExportLeavesOutTheRespondentKeys()
    {
        var answer = ResultsAuthorizationTests.Answer(1, "klima-1", "klima", 4, "sta-61");
        await _factory.Services.GetRequiredService<IResultsStore>().UpsertAsync(answer, CancellationToken.None);

        var member = Encoding.UTF8.GetString(await (await _client.SendAsync(HttpMethod.Get, "/api/results/export.csv", Token([TabRoles.Organizer]))).Content.ReadAsByteArrayAsync());
        var guest = Encoding.UTF8.GetString(await (await _client.SendAsync(HttpMethod.Get, "/api/results/export.csv", Token([TabRoles.Organizer], guest: true))).Content.ReadAsByteArrayAsync());

        Assert.Contains(answer.RespondentKey, member, StringComparison.Ordinal);
        Assert.Contains("klima-1", guest, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.RespondentKey, guest, StringComparison.Ordinal);
        Assert.DoesNotContain("Person (Schlüssel)", guest, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSharePointLinkIsOnlyMadeInMicrosoft365ModeFromAnHttpsSiteAddress()
    {
        var options = new LeitbildOptions { Mode = AppMode.Microsoft365, Microsoft365 = { SharePointSiteUrl = SiteUrl + "/" } };
        Assert.Equal(SiteUrl + "/_layouts/15/viewlsts.aspx", ResultsOverviewApi.SharePointLink(options));
        Assert.Null(ResultsOverviewApi.SharePointLink(new LeitbildOptions { Mode = AppMode.Local, Microsoft365 = { SharePointSiteUrl = SiteUrl } }));
        Assert.Null(ResultsOverviewApi.SharePointLink(new LeitbildOptions { Mode = AppMode.Microsoft365, Microsoft365 = { SharePointSiteUrl = "http://intranet/sites/x" } }));
        Assert.Null(ResultsOverviewApi.SharePointLink(new LeitbildOptions { Mode = AppMode.Microsoft365 }));
    }
}
