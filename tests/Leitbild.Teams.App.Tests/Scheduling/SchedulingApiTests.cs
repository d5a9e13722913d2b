using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ical.Net;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Tests.Scheduling;

/// <summary>The organizer API end to end in local mode: campaign, status, booking, conflict, .ics, workshops, bad input.</summary>
public sealed class SchedulingApiTests : IDisposable
{
    private readonly SchedulingApp _app = new();
    private readonly HttpClient _client;

    public SchedulingApiTests()
    {
        _client = _app.CreateClient();
        // The planning office: organizers start campaigns and book on someone's behalf.
        _client.SignInAsync(DevSignIn.Organizer).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private static DateTimeOffset Berlin(int month, int day, int hour = 0, int minute = 0) => BerlinTime.ToInstant(new DateOnly(2026, month, day), new TimeOnly(hour, minute));

    private async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected)
    {
        var response = await _client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task AnOrganizerStartsACampaignSeesTheStatusAndAnIntervieweeBooksASlot()
    {
        var overview = await PostAsync("/api/scheduling/campaigns", new
        {
            title = "Leitbild-Interview",
            organizerId = SchedulingApp.Seeded.Organizer,
            interviewerIds = new[] { SchedulingApp.Seeded.ModeratorA, SchedulingApp.Seeded.ModeratorB },
            interviewees = new[] { "sta-61" },
            durationMinutes = 60,
            windowStart = Berlin(5, 4),
            windowEnd = Berlin(5, 30),
            bufferAfterMinutes = 15,
        }, HttpStatusCode.Created);
        var campaignId = overview["campaign"]!["id"]!.GetValue<string>();
        var interviews = overview["interviews"]!.AsArray();
        Assert.Equal(10, interviews.Count);
        Assert.All(interviews, i => Assert.Equal(3, i!["proposals"]!.AsArray().Count));

        var first = interviews[0]!;
        var interviewId = first["interview"]!["id"]!.GetValue<string>();
        var proposal = first["proposals"]![0]!;
        var booked = await PostAsync($"/api/scheduling/interviews/{interviewId}/book",
            new { proposalId = proposal["id"]!.GetValue<string>(), personId = first["interview"]!["intervieweeId"]!.GetValue<string>() }, HttpStatusCode.OK);

        Assert.Equal("booked", booked["outcome"]!.GetValue<string>());
        var eventId = booked["event"]!["id"]!.GetValue<string>();
        var status = JsonNode.Parse(await _client.GetStringAsync($"/api/scheduling/campaigns/{campaignId}/interviews"))!.AsArray();
        Assert.Equal("booked", status[0]!["status"]!.GetValue<string>());
        Assert.All(status.Skip(1), s => Assert.Equal("proposed", s!["status"]!.GetValue<string>()));

        // The same click again is refused and changes nothing.
        var again = await _client.PostAsJsonAsync($"/api/scheduling/interviews/{interviewId}/book", new { proposalId = proposal["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("/", (await again.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());

        // The event is in both calendars and downloadable.
        var calendar = _app.Get<LocalCalendar>();
        var interviewee = first["interview"]!["intervieweeEmail"]!.GetValue<string>();
        var organizer = booked["event"]!["organizerEmail"]!.GetValue<string>();
        Assert.Single(await calendar.ListEventsAsync(interviewee, Berlin(5, 4), Berlin(5, 30), CancellationToken.None));
        Assert.Single(await calendar.ListEventsAsync(organizer, Berlin(5, 4), Berlin(5, 30), CancellationToken.None));
        var ics = await _client.GetAsync($"/api/scheduling/events/{eventId}.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task BadInputIsRefusedInGermanAndEnglishAndNothingIsStored()
    {
        var response = await _client.PostAsJsonAsync("/api/scheduling/campaigns", new
        {
            title = "x", organizerId = SchedulingApp.Seeded.Organizer, interviewerIds = new[] { SchedulingApp.Seeded.ModeratorA },
            interviewees = new[] { "no-such-office" }, durationMinutes = 60, windowStart = Berlin(5, 4), windowEnd = Berlin(5, 30),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("interviewees", problem["field"]!.GetValue<string>());
        Assert.Contains("weder eine Person noch ein Amt", problem["de"]!.GetValue<string>());
        Assert.Contains("neither a person nor an office", problem["en"]!.GetValue<string>());
        Assert.Equal("[]", await _client.GetStringAsync("/api/scheduling/campaigns"));
    }

    [Fact]
    public async Task SlotsForAnOfficeWithARoomComeRankedWithEachPersonsStanding()
    {
        var result = await PostAsync("/api/scheduling/slots", new
        {
            required = new[] { SchedulingApp.Seeded.ModeratorA },
            optional = new[] { "sta-61" },
            needsRoom = true,
            durationMinutes = 120,
            windowStart = Berlin(5, 4),
            windowEnd = Berlin(5, 16),
            quorum = 0.5,
            maxResults = 5,
        }, HttpStatusCode.OK);

        var slots = result["slots"]!.AsArray();
        Assert.Equal(5, slots.Count);
        Assert.All(slots, s => Assert.Equal(11, s!["attendees"]!.AsArray().Count));
        Assert.All(slots, s => Assert.True(s!["room"]!["capacity"]!.GetValue<int>() >= 11));
        var scores = slots.Select(s => s!["score"]!.GetValue<int>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task ASlotSearchOverMoreThanAYearIsRefusedNamingTheWindow()
    {
        var refused = await PostAsync("/api/scheduling/slots", new
        {
            required = new[] { SchedulingApp.Seeded.ModeratorA },
            durationMinutes = 60,
            windowStart = Berlin(5, 4),
            windowEnd = Berlin(5, 4).AddDays(367),
        }, HttpStatusCode.BadRequest);

        var text = refused.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("window", text, StringComparison.Ordinal);
        Assert.Contains("höchstens ein Jahr", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkshopVoteBooksItselfOnceBothModeratorsSayYesAndTheRsvpIsReadBack()
    {
        var workshop = await PostAsync("/api/scheduling/workshops", new
        {
            title = "Workshop 1 – Zieldiskussion", organizerId = SchedulingApp.Seeded.Organizer,
            required = new[] { SchedulingApp.Seeded.ModeratorA, SchedulingApp.Seeded.ModeratorB }, optional = new[] { "sta-61" },
            needsRoom = true, durationMinutes = 180, windowStart = Berlin(6, 1), windowEnd = Berlin(6, 27),
        }, HttpStatusCode.Created);
        var workshopId = workshop["id"]!.GetValue<string>();
        var vote = await PostAsync($"/api/scheduling/workshops/{workshopId}/vote", new { deadline = Berlin(5, 25) }, HttpStatusCode.Created);
        var voteId = vote["id"]!.GetValue<string>();
        Assert.InRange(vote["options"]!.AsArray().Count, 3, 5);

        await PostAsync($"/api/scheduling/votes/{voteId}/ballots", new { personId = SchedulingApp.Seeded.ModeratorA, answers = new Dictionary<string, string> { ["0"] = "no", ["1"] = "yes" } }, HttpStatusCode.OK);
        var state = await PostAsync($"/api/scheduling/votes/{voteId}/ballots", new { personId = SchedulingApp.Seeded.ModeratorB, answers = new Dictionary<string, string> { ["1"] = "yes", ["2"] = "maybe" } }, HttpStatusCode.OK);

        Assert.Equal("booked", state["workshop"]!["status"]!.GetValue<string>());
        Assert.Equal(1, state["vote"]!["decidedOption"]!.GetValue<int>());
        var rsvp = JsonNode.Parse(await _client.GetStringAsync($"/api/scheduling/workshops/{workshopId}/rsvp"))!;
        Assert.Contains(rsvp["attendees"]!.AsArray(), a => a!["kind"]!.GetValue<string>() == "resource");
        Assert.Equal(vote["options"]![1]!["start"]!.GetValue<DateTimeOffset>(), rsvp["start"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task TheIcsFileFollowsRfc5545AndAnIndependentParserReadsTheRightInstants()
    {
        var calendar = _app.Get<LocalCalendar>();
        var room = (await calendar.ListRoomsAsync(CancellationToken.None)).First();
        // Monday after the October change, and a subject that needs escaping and folding.
        var created = await calendar.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = SchedulingApp.Seeded.ModeratorAEmail,
            Subject = "Leitbild-Workshop; Vertiefung, Teil 2 – Klimaschutz, Wohnen und Mobilität im Stadtgebiet Bergkamen (Rathaus)",
            Start = Berlin(10, 26, 9), End = Berlin(10, 26, 12),
            Attendees = [new("emil.exempel@bergkamen.example", "Exempel, Emil", AttendeeKind.Required)],
            Room = room, TransactionId = "ics-1",
        }, CancellationToken.None);

        var response = await _client.GetAsync($"/api/scheduling/events/{created.Id}.ics");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin", text);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261026T090000", text);
        Assert.Contains("SUMMARY:Leitbild-Workshop\\; Vertiefung\\, Teil 2", text);

        var parsed = Calendar.Load(text)!;
        var e = Assert.Single(parsed.Events);
        Assert.Equal(created.Start.UtcDateTime, e.DtStart!.AsUtc);
        Assert.Equal(created.End.UtcDateTime, e.DtEnd!.AsUtc);
        Assert.Equal(created.Subject, e.Summary);
        Assert.Equal(2, e.Attendees.Count);
        Assert.Equal("Exempel, Emil", e.Attendees[0].CommonName);
        Assert.Equal("CONFIRMED", e.Status);
    }

    [Fact]
    public async Task AnEventAtTheRepeatedHourOfOctoberIsWrittenInUtc()
    {
        var calendar = _app.Get<LocalCalendar>();
        // 2:30 on 25 October 2026 happens twice; take the second one (CET, 01:30 UTC).
        var second = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);
        var created = await calendar.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = SchedulingApp.Seeded.ModeratorAEmail, Subject = "Nachtschicht", Start = second, End = second.AddMinutes(30), TransactionId = "ics-2",
        }, CancellationToken.None);

        var text = await _client.GetStringAsync($"/api/scheduling/events/{created.Id}.ics");

        Assert.Contains("DTSTART:20261025T013000Z", text);
        Assert.Equal(second.UtcDateTime, Assert.Single(Calendar.Load(text)!.Events).DtStart!.AsUtc);
    }

    [Fact]
    public async Task UnknownEventsAreNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/scheduling/events/nope.ics")).StatusCode);
    }
}
