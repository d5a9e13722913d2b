using System.Net;
using System.Text.Json;
using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Api;

/// <summary>
/// /api/scheduling in local mode: organizers change, reviewers read the status, and staff reach only their own
/// proposals, bookings, ballots and .ics files — whatever a crafted request asks for.
/// </summary>
public sealed class SchedulingAuthorizationTests(LocalApp app) : IClassFixture<LocalApp>
{
    private readonly HttpClient _client = app.Client;

    private static object Campaign(string title, string interviewer, params string[] interviewees) => new
    {
        title,
        interviewerIds = new[] { interviewer },
        interviewees,
        durationMinutes = 60,
        windowStart = Days.FromToday(7),
        windowEnd = Days.FromToday(35),
    };

    private static object Workshop(string title) => new
    {
        title,
        required = new[] { SeededPeople.ModeratorUdo },
        optional = new[] { "sta-10" },
        needsRoom = false,
        durationMinutes = 120,
        windowStart = Days.FromToday(14),
        windowEnd = Days.FromToday(42),
    };

    public static TheoryData<string, string, HttpStatusCode> Matrix => new()
    {
        // person, "METHOD path", expected
        { SeededPeople.Staff, "GET /api/scheduling/overview", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "GET /api/scheduling/overview", HttpStatusCode.OK },
        { SeededPeople.Organizer, "GET /api/scheduling/overview", HttpStatusCode.OK },
        { SeededPeople.Staff, "GET /api/scheduling/rooms", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "GET /api/scheduling/rooms", HttpStatusCode.OK },
        { SeededPeople.Staff, "GET /api/scheduling/campaigns", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "GET /api/scheduling/campaigns", HttpStatusCode.OK },
        { SeededPeople.Staff, "GET /api/scheduling/workshops", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "GET /api/scheduling/workshops", HttpStatusCode.OK },
        { SeededPeople.Reviewer, "GET /api/scheduling/participants", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "GET /api/scheduling/participants", HttpStatusCode.OK },
        { SeededPeople.Staff, "POST /api/scheduling/campaigns", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "POST /api/scheduling/campaigns", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "POST /api/scheduling/campaigns", HttpStatusCode.Created },
        { SeededPeople.GuestOrganizer, "POST /api/scheduling/campaigns", HttpStatusCode.Created },
        { SeededPeople.Staff, "POST /api/scheduling/workshops", HttpStatusCode.Forbidden },
        { SeededPeople.Reviewer, "POST /api/scheduling/workshops", HttpStatusCode.Forbidden },
        { SeededPeople.Organizer, "POST /api/scheduling/workshops", HttpStatusCode.Created },
        { SeededPeople.Reviewer, "POST /api/scheduling/slots", HttpStatusCode.Forbidden },
        { SeededPeople.Staff, "GET /api/scheduling/my", HttpStatusCode.OK },
        { SeededPeople.Reviewer, "GET /api/scheduling/my", HttpStatusCode.OK },
        { SeededPeople.Organizer, "GET /api/scheduling/my", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleGetsWhatItsPolicyAllows(string personId, string request, HttpStatusCode expected)
    {
        var token = await _client.DevSignInAsync(personId);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);
        object? body = path switch
        {
            "/api/scheduling/campaigns" => Campaign("Matrix", SeededPeople.ModeratorUdo, SeededPeople.FourthStaff),
            "/api/scheduling/workshops" => Workshop("Matrix-Workshop"),
            "/api/scheduling/slots" => new { required = new[] { SeededPeople.ModeratorUdo }, durationMinutes = 60, windowStart = Days.FromToday(7), windowEnd = Days.FromToday(14) },
            _ => null,
        };
        var response = await _client.SendAsync(new HttpMethod(method), path, token, body);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/scheduling/overview")]
    [InlineData("GET", "/api/scheduling/my")]
    [InlineData("POST", "/api/scheduling/campaigns")]
    [InlineData("POST", "/api/scheduling/my/proposals/x/book")]
    [InlineData("GET", "/api/scheduling/events/x.ics")]
    public async Task WithoutATokenSchedulingAnswers401(string method, string path)
    {
        var response = await _client.SendAsync(new HttpMethod(method), path, token: null, method == "POST" ? new { } : null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StaffSeeBookAndDownloadOnlyTheirOwnInterview()
    {
        var organizer = await _client.DevSignInAsync(SeededPeople.Organizer);
        var reviewer = await _client.DevSignInAsync(SeededPeople.Reviewer);
        var staff = await _client.DevSignInAsync(SeededPeople.Staff);
        var other = await _client.DevSignInAsync(SeededPeople.OtherStaff);
        var started = await _client.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns", organizer, Campaign("Eigene Termine", SeededPeople.ModeratorRia, SeededPeople.Staff));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var interview = (await started.JsonAsync()).GetProperty("interviews")[0];
        var interviewId = interview.GetProperty("interview").GetProperty("id").GetString()!;
        var proposalId = interview.GetProperty("proposals")[0].GetProperty("id").GetString()!;

        // The interviewee sees it among their own; someone else sees neither it nor its proposals.
        var mine = await (await _client.SendAsync(HttpMethod.Get, "/api/scheduling/my", staff)).JsonAsync();
        var own = Assert.Single(mine.GetProperty("interviews").EnumerateArray(), i => i.GetProperty("interviewId").GetString() == interviewId);
        Assert.Equal(3, own.GetProperty("proposals").GetArrayLength());
        var theirs = await (await _client.SendAsync(HttpMethod.Get, "/api/scheduling/my", other)).JsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("interviews").EnumerateArray(), i => i.GetProperty("interviewId").GetString() == interviewId);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/interviews/{interviewId}/proposals", staff)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/interviews/{interviewId}/proposals", reviewer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/interviews/{interviewId}/proposals", other)).StatusCode);

        // Someone else cannot book it, neither through their own route nor the organizers' one; nothing changes.
        var stolen = await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/my/proposals/{proposalId}/book", other, new { });
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/interviews/{interviewId}/book", other, new { proposalId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/interviews/{interviewId}/book", reviewer, new { proposalId })).StatusCode);
        var status = await (await _client.SendAsync(HttpMethod.Get, "/api/scheduling/overview", reviewer)).JsonAsync();
        Assert.Equal("proposed", Row(status, interviewId).GetProperty("status").GetString());

        // The interviewee books it; the .ics is theirs and the reviewers', not anyone's.
        var booked = await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/my/proposals/{proposalId}/book", staff, new { });
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var eventId = (await booked.JsonAsync()).GetProperty("event").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/events/{eventId}.ics", staff)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/events/{eventId}.ics", reviewer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/events/{eventId}.ics", other)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/events/{eventId}/responses", other,
            new { email = "bernd.fiktiva@bergkamen.example", response = "declined" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/events/{eventId}/responses", staff,
            new { email = "bernd.fiktiva@bergkamen.example", response = "accepted" })).StatusCode);
        status = await (await _client.SendAsync(HttpMethod.Get, "/api/scheduling/overview", reviewer)).JsonAsync();
        Assert.Equal("booked", Row(status, interviewId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AParticipantVotesOnlyForThemselvesAndAnOrganizerMayRecordAVoteForSomeone()
    {
        var organizer = await _client.DevSignInAsync(SeededPeople.Organizer);
        var created = await _client.SendAsync(HttpMethod.Post, "/api/scheduling/workshops", organizer, Workshop("Abstimmungs-Workshop"));
        var workshopId = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var vote = await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/workshops/{workshopId}/vote", organizer, new { deadline = Days.FromToday(12) });
        Assert.Equal(HttpStatusCode.Created, vote.StatusCode);
        var voteId = (await vote.JsonAsync()).GetProperty("id").GetString()!;
        var staff = await _client.DevSignInAsync(SeededPeople.Staff);
        var answers = new Dictionary<string, string> { ["0"] = "yes" };

        var forSomeoneElse = await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/votes/{voteId}/ballots", staff, new { personId = SeededPeople.OtherStaff, answers });
        var forThemselves = await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/votes/{voteId}/ballots", staff, new { answers });
        var byOrganizer = await _client.SendAsync(HttpMethod.Post, $"/api/scheduling/votes/{voteId}/ballots", organizer, new { personId = SeededPeople.OtherStaff, answers });

        Assert.Equal(HttpStatusCode.Forbidden, forSomeoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forThemselves.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOrganizer.StatusCode);
        var state = await (await _client.SendAsync(HttpMethod.Get, $"/api/scheduling/workshops/{workshopId}/vote", await _client.DevSignInAsync(SeededPeople.Reviewer))).JsonAsync();
        Assert.Equal(2, state.GetProperty("tallies")[0].GetProperty("yes").GetInt32());
    }

    [Fact]
    public async Task AnUnknownPhaseIsRefusedAndNothingIsStored()
    {
        var organizer = await _client.DevSignInAsync(SeededPeople.Organizer);
        var before = (await (await _client.SendAsync(HttpMethod.Get, "/api/scheduling/campaigns", organizer)).JsonAsync()).GetArrayLength();
        var body = new
        {
            title = "Ohne Baustein", phaseId = "gibt-es-nicht", interviewerIds = new[] { SeededPeople.ModeratorUdo },
            interviewees = new[] { SeededPeople.ThirdStaff }, durationMinutes = 60, windowStart = Days.FromToday(7), windowEnd = Days.FromToday(21),
        };

        var response = await _client.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns?lang=en", organizer, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("phaseId", problem.GetProperty("field").GetString());
        Assert.Equal("there is no phase 'gibt-es-nicht'", problem.GetProperty("en").GetString());
        Assert.Equal(before, (await (await _client.SendAsync(HttpMethod.Get, "/api/scheduling/campaigns", organizer)).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task ACampaignForAPhaseAppearsUnderTermineOnTheProcessPageWithProgressForReviewersOnly()
    {
        var organizer = await _client.DevSignInAsync(SeededPeople.Organizer);
        var body = new
        {
            title = "Interviews Baustein 1", phaseId = "interviews", interviewerIds = new[] { SeededPeople.ModeratorUdo },
            interviewees = new[] { SeededPeople.ThirdStaff }, durationMinutes = 60, windowStart = Days.FromToday(7), windowEnd = Days.FromToday(21),
        };
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns", organizer, body)).StatusCode);

        var forReviewer = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/process", await _client.DevSignInAsync(SeededPeople.Reviewer))).JsonAsync();
        var forStaff = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/process", await _client.DevSignInAsync(SeededPeople.Staff))).JsonAsync();

        var reviewerItem = Assert.Single(Events(forReviewer, "interviews"), e => e.GetProperty("title").GetString() == "Interviews Baustein 1");
        Assert.Equal("0 von 1 Interviews gebucht", reviewerItem.GetProperty("status").GetString());
        Assert.StartsWith("/tab/dashboard/interviews-workshops#campaign-", reviewerItem.GetProperty("link").GetString());
        var staffItem = Assert.Single(Events(forStaff, "interviews"), e => e.GetProperty("title").GetString() == "Interviews Baustein 1");
        Assert.Equal("Interviews", staffItem.GetProperty("status").GetString());
        Assert.False(staffItem.TryGetProperty("link", out _));
        Assert.True(forStaff.GetProperty("phases")[1].GetProperty("events").GetProperty("available").GetBoolean());
    }

    private static IEnumerable<JsonElement> Events(JsonElement timeline, string phaseId) =>
        timeline.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("id").GetString() == phaseId)
            .GetProperty("events").GetProperty("items").EnumerateArray();

    private static JsonElement Row(JsonElement overview, string interviewId) =>
        overview.GetProperty("campaigns").EnumerateArray().SelectMany(c => c.GetProperty("interviews").EnumerateArray())
            .Single(i => i.GetProperty("id").GetString() == interviewId);
}
