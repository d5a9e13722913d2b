using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Graph.Calendars;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Calendars;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Leitbild.Teams.Graph.Tests.Calendars;

/// <summary>The Graph calendar adapter through a real GraphServiceClient against the Graph simulator.</summary>
public sealed class GraphCalendarTests : IAsyncLifetime
{
    private readonly CalendarsFeature _calendars = new();
    private GraphSimulatorHost _host = null!;
    private HttpClient _http = null!;
    private GraphCalendar _adapter = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphSimulatorHost.StartAsync(_calendars);
        // The SDK's own middleware (retry on 429/503 with Retry-After, redirects), as in production.
        _http = GraphClientFactory.Create();
        _adapter = new GraphCalendar(new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), _host.BaseUrl.ToString()));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private static DateTimeOffset Berlin(int month, int day, int hour = 0) => BerlinTime.ToInstant(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    private List<string> People(int count)
    {
        var emails = Enumerable.Range(1, count).Select(i => $"person{i}@city.example").ToList();
        emails.ForEach(e => _calendars.AddMailbox(new SimulatedMailbox { Email = e, DisplayName = e }));
        return emails;
    }

    [Fact]
    public async Task FortyFivePeopleAreAskedInChunksOfTwentyWithTheBerlinPreferHeader()
    {
        var people = People(45);

        var snapshot = await _adapter.GetSchedulesAsync(people, Berlin(5, 4), Berlin(5, 30), TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.Equal(45, snapshot.Schedules.Count);
        Assert.Equal([5, 20, 20], _calendars.ScheduleCalls.Select(c => c.Schedules.Count).Order());
        Assert.All(_calendars.ScheduleCalls, c => Assert.Equal(15, c.Interval));
        var requests = _host.Requests.All.Where(r => r.PathAndQuery.EndsWith("/calendar/getSchedule", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("outlook.timezone=\"W. Europe Standard Time\"", r.Prefer));
    }

    [Fact]
    public async Task AWindowOfHundredDaysIsSplitIntoCallsUnderSixtyTwoDaysAndMergedAgain()
    {
        var people = People(2);
        _calendars.AddBusy(people[0], Berlin(5, 5, 9), Berlin(5, 5, 10));
        _calendars.AddBusy(people[0], Berlin(7, 20, 9), Berlin(7, 20, 10), "tentative");

        var snapshot = await _adapter.GetSchedulesAsync(people, Berlin(5, 1), Berlin(5, 1).AddDays(100), TimeSpan.FromMinutes(30), CancellationToken.None);

        Assert.Equal(2, _calendars.ScheduleCalls.Count);
        Assert.All(_calendars.ScheduleCalls, c => Assert.True(c.End - c.Start < TimeSpan.FromDays(62)));
        Assert.Equal(Berlin(5, 1).AddDays(100), _calendars.ScheduleCalls.Max(c => c.End));
        var blocks = snapshot.For(people[0]).Blocks;
        Assert.Equal([new BusyBlock(Berlin(5, 5, 9), Berlin(5, 5, 10), FreeBusyStatus.Busy), new BusyBlock(Berlin(7, 20, 9), Berlin(7, 20, 10), FreeBusyStatus.Tentative)], blocks);
    }

    [Fact]
    public async Task WorkingHoursStatusesAndUnknownMailboxesAreMapped()
    {
        _calendars.AddMailbox(new SimulatedMailbox
        {
            Email = "teilzeit@city.example", DisplayName = "Teilzeit",
            WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday], WorkingStart = new TimeOnly(7, 30), WorkingEnd = new TimeOnly(13, 30),
            WorkingTimeZone = "GMT Standard Time",
        });
        _calendars.AddBusy("teilzeit@city.example", Berlin(5, 4, 8), Berlin(5, 4, 9), "oof");
        _calendars.AddBusy("teilzeit@city.example", Berlin(5, 4, 10), Berlin(5, 4, 11), "workingElsewhere");

        var snapshot = await _adapter.GetSchedulesAsync(["teilzeit@city.example", "unknown@city.example"], Berlin(5, 4), Berlin(5, 5), TimeSpan.FromMinutes(15), CancellationToken.None);

        var part = snapshot.For("teilzeit@city.example");
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], part.WorkingHours!.Days);
        Assert.Equal(new TimeOnly(7, 30), part.WorkingHours.Start);
        Assert.Equal(new TimeOnly(13, 30), part.WorkingHours.End);
        Assert.Equal(BerlinTime.FindZone("GMT Standard Time")!.BaseUtcOffset, part.WorkingHoursZone!.BaseUtcOffset);
        Assert.Equal([FreeBusyStatus.OutOfOffice, FreeBusyStatus.WorkingElsewhere], part.Blocks.Select(b => b.Status));
        Assert.Equal(Berlin(5, 4, 8), part.Blocks[0].Start);
        Assert.NotNull(snapshot.For("unknown@city.example").Error);
    }

    [Fact]
    public async Task AnEventIsATeamsMeetingWithTheRoomAsResourceAttendeeAndLocation()
    {
        People(2);
        var room = new MeetingRoom("ratssaal@city.example", "Ratssaal", 40);

        var created = await _adapter.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = "person1@city.example",
            Subject = "Leitbild-Interview",
            Start = Berlin(5, 6, 10),
            End = Berlin(5, 6, 11),
            Attendees = [new EventAttendee("person2@city.example", "Person 2", AttendeeKind.Required)],
            Room = room,
            TransactionId = "proposal-1",
        }, CancellationToken.None);

        var body = Assert.Single(_calendars.CreatedEventBodies);
        Assert.True(body["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", body["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Equal("proposal-1", body["transactionId"]!.GetValue<string>());
        Assert.Equal("W. Europe Standard Time", body["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("2026-05-06T10:00:00", body["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("Ratssaal", body["location"]!["displayName"]!.GetValue<string>());
        Assert.Equal("ratssaal@city.example", body["location"]!["locationEmailAddress"]!.GetValue<string>());
        var attendees = body["attendees"]!.AsArray();
        Assert.Equal(["required", "resource"], attendees.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal(Berlin(5, 6, 10), created.Start);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", created.JoinUrl);
        Assert.Contains("/users/person1@city.example/events", _host.Requests.All.Last().PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RetryingACreateWithTheSameTransactionIdGivesTheSameEvent()
    {
        People(2);
        var request = new NewCalendarEvent { OrganizerEmail = "person1@city.example", Subject = "x", Start = Berlin(5, 6, 10), End = Berlin(5, 6, 11), TransactionId = "t-1" };

        var first = await _adapter.CreateEventAsync(request, CancellationToken.None);
        var second = await _adapter.CreateEventAsync(request, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(_calendars.Events);
    }

    [Fact]
    public async Task ThrottlingIsRetriedByTheSdkAndNothingIsLost()
    {
        var people = People(3);
        _host.Faults.Enqueue(new Fault(FaultKind.TooManyRequests, RetryAfterSeconds: 1), new Fault(FaultKind.ServiceUnavailable, RetryAfterSeconds: 1));

        var snapshot = await _adapter.GetSchedulesAsync(people, Berlin(5, 4), Berlin(5, 5), TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.Equal(3, snapshot.Schedules.Count);
        Assert.Equal(3, _host.Requests.Count);
    }

    [Fact]
    public async Task AnEventCanBeMovedCancelledAndItsResponsesReadBack()
    {
        People(3);
        var created = await _adapter.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = "person1@city.example", Subject = "Workshop", Start = Berlin(6, 2, 9), End = Berlin(6, 2, 12), TransactionId = "w-1",
            Attendees = [new("person2@city.example", null, AttendeeKind.Required), new("person3@city.example", null, AttendeeKind.Optional)],
        }, CancellationToken.None);
        _calendars.Respond(created.Id, "person2@city.example", "accepted", DateTimeOffset.UtcNow);
        _calendars.Respond(created.Id, "person3@city.example", "declined", DateTimeOffset.UtcNow);

        var moved = await _adapter.UpdateEventAsync("person1@city.example", created.Id, new EventChange { Start = Berlin(6, 3, 9), End = Berlin(6, 3, 12) }, CancellationToken.None);
        var read = await _adapter.GetEventAsync("person1@city.example", created.Id, CancellationToken.None);
        await _adapter.CancelEventAsync("person1@city.example", created.Id, "Abgesagt", CancellationToken.None);
        await _adapter.CancelEventAsync("person1@city.example", "does-not-exist", null, CancellationToken.None);

        Assert.Equal(Berlin(6, 3, 9), moved.Start);
        Assert.Equal([AttendeeResponse.Accepted, AttendeeResponse.Declined], read!.Attendees.Select(a => a.Response));
        Assert.Equal([AttendeeKind.Required, AttendeeKind.Optional], read.Attendees.Select(a => a.Kind));
        Assert.True((await _adapter.GetEventAsync("person1@city.example", created.Id, CancellationToken.None))!.IsCancelled);
        Assert.Null(await _adapter.GetEventAsync("person1@city.example", "does-not-exist", CancellationToken.None));
    }

    [Fact]
    public async Task ABookedEventShowsInTheAttendeesFreeBusy()
    {
        var people = People(2);
        await _adapter.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = people[0], Subject = "Interview", Start = Berlin(5, 6, 10), End = Berlin(5, 6, 11), TransactionId = "p-9",
            Attendees = [new(people[1], null, AttendeeKind.Required)],
        }, CancellationToken.None);

        var snapshot = await _adapter.GetSchedulesAsync(people, Berlin(5, 6), Berlin(5, 7), TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.Equal(FreeBusyStatus.Busy, Assert.Single(snapshot.For(people[0]).Blocks).Status);
        Assert.Equal(FreeBusyStatus.Tentative, Assert.Single(snapshot.For(people[1]).Blocks).Status);
    }

    [Fact]
    public async Task RoomsAreListedWithTheirCapacity()
    {
        _calendars.AddRoom("ratssaal@city.example", "Ratssaal", 40);
        _calendars.AddRoom("raum214@city.example", "Raum 2.14", 8);

        var rooms = await _adapter.ListRoomsAsync(CancellationToken.None);

        Assert.Equal([new MeetingRoom("ratssaal@city.example", "Ratssaal", 40), new MeetingRoom("raum214@city.example", "Raum 2.14", 8)], rooms);
        Assert.Contains(_host.Requests.All, r => r.PathAndQuery.StartsWith("/v1.0/places/graph.room", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSimulatorRejectsMoreThanTwentySchedulesAsGraphDocuments()
    {
        var client = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), _host.BaseUrl.ToString());
        var body = new Microsoft.Graph.Users.Item.Calendar.GetSchedule.GetSchedulePostRequestBody
        {
            Schedules = People(21),
            StartTime = new Microsoft.Graph.Models.DateTimeTimeZone { DateTime = "2026-05-04T08:00:00", TimeZone = "W. Europe Standard Time" },
            EndTime = new Microsoft.Graph.Models.DateTimeTimeZone { DateTime = "2026-05-04T18:00:00", TimeZone = "W. Europe Standard Time" },
        };

        var error = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => client.Users["person1@city.example"].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body));

        Assert.Equal(400, error.ResponseStatusCode);
    }
}
