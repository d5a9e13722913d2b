using System.Net;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Api;

/// <summary>
/// Microsoft 365 mode: the tab's API takes Entra tokens as TeamsJS getAuthToken() delivers them (validated by
/// Microsoft.Identity.Web with the app's audience and tenant), roles from Entra app roles, and nothing else.
/// </summary>
public sealed class Microsoft365ModeAuthorizationTests(Microsoft365App app) : IClassFixture<Microsoft365App>
{
    private readonly HttpClient _client = app.Client;
    private readonly EntraTokens _tokens = app.Tokens;

    private static readonly object ValidChange = new { plannedStart = "2024-05-21", plannedEnd = "2024-05-21", status = "done" };

    private Task<HttpResponseMessage> GetMeAsync(string token) => _client.SendAsync(HttpMethod.Get, "/api/me", token);

    [Fact]
    public async Task ATeamsSsoTokenForThisAppSignsThePersonIn()
    {
        var token = _tokens.Create(new EntraTokens.Claims { Name = "Paula Prüfer", Roles = [TabRoles.Reviewer] });
        var response = await GetMeAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.JsonAsync();
        Assert.Equal("Paula Prüfer", me.GetProperty("displayName").GetString());
        Assert.Equal(["reviewer", "staff"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("entra", me.GetProperty("signIn").GetString());
    }

    [Fact]
    public async Task AVersion2TokenWithTheClientIdAsAudienceIsAccepted()
    {
        var token = _tokens.Create(new EntraTokens.Claims { Issuer = EntraTokens.V2Issuer, Audience = EntraTokens.ClientId });
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(token)).StatusCode);
    }

    [Fact]
    public async Task TheBotIdFormOfTheAppIdUriIsAcceptedForThisAppOnly()
    {
        var ours = _tokens.Create(new EntraTokens.Claims { Audience = $"api://{EntraTokens.Domain}/botid-{EntraTokens.ClientId}" });
        var other = _tokens.Create(new EntraTokens.Claims { Audience = $"api://{EntraTokens.Domain}/botid-11111111-2222-3333-4444-555555555555" });
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(ours)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMeAsync(other)).StatusCode);
    }

    public static TheoryData<string, string[], HttpStatusCode> Matrix => new()
    {
        { "GET /api/tab/dashboard", [], HttpStatusCode.Forbidden },
        { "GET /api/tab/dashboard", [TabRoles.Reviewer], HttpStatusCode.OK },
        { "GET /api/tab/dashboard", [TabRoles.Organizer], HttpStatusCode.OK },
        { "PUT /api/tab/process/phases/workshop-1", [], HttpStatusCode.Forbidden },
        { "PUT /api/tab/process/phases/workshop-1", [TabRoles.Reviewer], HttpStatusCode.Forbidden },
        { "PUT /api/tab/process/phases/workshop-1", [TabRoles.Organizer], HttpStatusCode.OK },
        { "GET /api/tab/process", [], HttpStatusCode.OK },
        { "GET /api/tab/mein-leitbild", [], HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EntraAppRolesDecideWhatAPersonMayDo(string call, string[] roles, HttpStatusCode expected)
    {
        var (method, url) = (call.Split(' ')[0], call.Split(' ')[1]);
        var token = _tokens.Create(new EntraTokens.Claims { Roles = roles });
        var response = await _client.SendAsync(new HttpMethod(method), url, token, method == "PUT" ? ValidChange : null);
        Assert.Equal(expected, response.StatusCode);
    }

    private static readonly Dictionary<string, EntraTokens.Claims> Wrong = new()
    {
        ["another app's audience"] = new() { Audience = "api://other.example/11111111-2222-3333-4444-555555555555" },
        ["the Microsoft Graph audience"] = new() { Audience = "https://graph.microsoft.com" },
        ["another tenant's issuer"] = new() { Issuer = "https://sts.windows.net/99999999-8888-7777-6666-555555555555/" },
        ["a look-alike issuer"] = new() { Issuer = "https://login.example.com/" + EntraTokens.TenantId + "/v2.0" },
        ["expired an hour ago"] = new() { IssuedAt = DateTimeOffset.UtcNow.AddHours(-3), Lifetime = TimeSpan.FromHours(2) },
        ["not valid yet"] = new() { IssuedAt = DateTimeOffset.UtcNow.AddHours(1) },
        ["neither scope nor roles"] = new() { Scope = null },
        ["roles without the access_as_user scope"] = new() { Scope = null, Roles = [TabRoles.Organizer] },
        ["another scope"] = new() { Scope = "Files.Read" },
    };

    public static TheoryData<string> WrongTokens => [.. Wrong.Keys];

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task AWrongTokenIsRejected(string why)
    {
        var response = await GetMeAsync(_tokens.Create(Wrong[why]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsRejected()
    {
        var response = await GetMeAsync(_tokens.Create(new EntraTokens.Claims(), _tokens.UnknownKey));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutTheAcctClaimSomeoneTheDirectoryDoesNotKnowAsStaffCountsAsAGuest()
    {
        // The optional claim is not configured and this person is in no synced directory: fail closed.
        var token = _tokens.Create(new EntraTokens.Claims { Roles = [TabRoles.Organizer] });
        var me = await (await GetMeAsync(token)).JsonAsync();
        Assert.True(me.GetProperty("isGuest").GetBoolean());
    }

    [Fact]
    public async Task AGuestIsRecognisedFromTheAcctClaim()
    {
        var token = _tokens.Create(new EntraTokens.Claims { Roles = [TabRoles.Organizer], AccountType = "1" });
        var me = await (await GetMeAsync(token)).JsonAsync();
        Assert.True(me.GetProperty("isGuest").GetBoolean());
    }

    [Theory]
    [InlineData("GET", "/tab/dev-signin")]
    [InlineData("GET", "/api/tab/dev-signin/people")]
    [InlineData("POST", "/api/tab/dev-signin")]
    public async Task TheDevelopmentSignInDoesNotExist(string method, string url)
    {
        var response = await _client.SendAsync(new HttpMethod(method), url, token: null, method == "POST" ? new { personId = SeededPeople.Organizer } : null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ThePagesTellTheirScriptsToSignInThroughTheHost()
    {
        var response = await _client.GetAsync("/tab/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-mode=\"microsoft365\"", await response.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task ADevelopmentTokenFromALocalInstanceIsRejected()
    {
        await using var local = TabAppFactory.Local();
        using var localClient = local.CreateClient();
        var devToken = await localClient.DevSignInAsync(SeededPeople.Organizer);
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/workshop-1", devToken, ValidChange);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
