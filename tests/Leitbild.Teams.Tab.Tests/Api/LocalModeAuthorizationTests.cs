using System.Net;
using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Api;

/// <summary>Local mode: who may call which tab endpoint, signed in through the development sign-in.</summary>
public sealed class LocalModeAuthorizationTests(LocalApp app) : IClassFixture<LocalApp>
{
    private readonly HttpClient _client = app.Client;

    private static readonly object ValidChange = new { plannedStart = "2024-06-25", plannedEnd = "2024-06-25", actualStart = "", actualEnd = "", status = "planned" };

    public static TheoryData<string, string, string, HttpStatusCode> Matrix => new()
    {
        // person, method, url, expected
        { SeededPeople.Staff, "GET", "/api/me", HttpStatusCode.OK },
        { SeededPeople.Reviewer, "GET", "/api/me", HttpStatusCode.OK },
        { SeededPeople.Organizer, "GET", "/api/me", HttpStatusCode.OK },
        { SeededPeople.Staff, "GET", "/api/tab/process", HttpStatusCode.OK },
        { SeededPeople.Reviewer, "GET", "/api/tab/process", HttpStatusCode.OK },
        { SeededPeople.Organizer, "GET", "/api/tab/process", HttpStatusCode.OK },
        { SeededPeople.Staff, "GET", "/api/tab/mein-leitbild", HttpStatusCode.OK },
        { SeededPeople.Staff, "GET", "/api/tab/dashboard", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "GET", "/api/tab/dashboard", HttpStatusCode.OK },
        { SeededPeople.Organizer, "GET", "/api/tab/dashboard", HttpStatusCode.OK },
        { SeededPeople.Staff, "PUT", "/api/tab/process/phases/workshop-2", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "PUT", "/api/tab/process/phases/workshop-2", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "PUT", "/api/tab/process/phases/workshop-2", HttpStatusCode.OK },
        { SeededPeople.GuestOrganizer, "PUT", "/api/tab/process/phases/workshop-2", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleGetsWhatItsPolicyAllows(string personId, string method, string url, HttpStatusCode expected)
    {
        var token = await _client.DevSignInAsync(personId);
        var response = await _client.SendAsync(new HttpMethod(method), url, token, method == "PUT" ? ValidChange : null);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/tab/process")]
    [InlineData("GET", "/api/tab/processes")]
    [InlineData("GET", "/api/tab/dashboard")]
    [InlineData("GET", "/api/tab/mein-leitbild")]
    [InlineData("PUT", "/api/tab/process/phases/workshop-2")]
    public async Task WithoutATokenEveryTabApiAnswers401(string method, string url)
    {
        var response = await _client.SendAsync(new HttpMethod(method), url, token: null, method == "PUT" ? ValidChange : null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATamperedDevelopmentTokenIsRejected()
    {
        var token = await _client.DevSignInAsync(SeededPeople.Staff);
        var parts = token.Split('.');
        // Swap in the payload of an organizer's token, keeping the staff token's signature.
        var organizer = (await _client.DevSignInAsync(SeededPeople.Organizer)).Split('.');
        var forged = $"{parts[0]}.{organizer[1]}.{parts[2]}";
        var response = await _client.SendAsync(HttpMethod.Put, "/api/tab/process/phases/workshop-2", forged, ValidChange);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MeNamesThePersonTheirRolesAndTheDevelopmentSignIn()
    {
        var token = await _client.DevSignInAsync(SeededPeople.Organizer);
        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/me", token)).JsonAsync();
        Assert.Equal(SeededPeople.Organizer, me.GetProperty("id").GetString());
        Assert.Equal(SeededPeople.OrganizerName, me.GetProperty("displayName").GetString());
        Assert.Equal(["organizer", "reviewer", "staff"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.GetProperty("isGuest").GetBoolean());
        Assert.Equal("development", me.GetProperty("signIn").GetString());
        Assert.Equal("StA 61 Stadtplanungsamt", me.GetProperty("office").GetString());
    }

    [Fact]
    public async Task AGuestModeratorIsMarkedAsGuestAndOrganizes()
    {
        var token = await _client.DevSignInAsync(SeededPeople.GuestOrganizer);
        var me = await (await _client.SendAsync(HttpMethod.Get, "/api/me", token)).JsonAsync();
        Assert.True(me.GetProperty("isGuest").GetBoolean());
        Assert.Equal(["organizer", "staff"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task TheDevelopmentSignInRefusesAnUnknownPersonInTheRequestedLanguage()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/tab/dev-signin?lang=en", token: null, new { personId = "nobody" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("There is no person with the id 'nobody'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StaffSeeTheTimelineWithoutTheRightToEdit()
    {
        var staff = await _client.DevSignInAsync(SeededPeople.Staff);
        var organizer = await _client.DevSignInAsync(SeededPeople.Organizer);
        var forStaff = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/process", staff)).JsonAsync();
        var forOrganizer = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/process", organizer)).JsonAsync();
        Assert.False(forStaff.GetProperty("canEdit").GetBoolean());
        Assert.True(forOrganizer.GetProperty("canEdit").GetBoolean());
    }
}
