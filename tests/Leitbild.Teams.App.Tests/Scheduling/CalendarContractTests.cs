using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Graph.Calendars;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Calendars;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Leitbild.Teams.App.Tests.Scheduling;

/// <summary>What every calendar adapter must do, run against the local SQLite calendar and against Graph (simulator).</summary>
public abstract class CalendarContractTests : IAsyncLifetime
{
    protected const string Organizer = "moderation.erfundenhaus@beratung.example";
    protected const string Attendee = "emil.exempel@bergkamen.example";
    protected const string RoomEmail = "ratssaal@raeume.bergkamen.example";

    protected ICalendar Calendar { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private static DateTimeOffset Berlin(int day, int hour) => BerlinTime.ToInstant(new DateOnly(2026, 5, day), new TimeOnly(hour, 0));

    private async Task<CalendarEvent> BookAsync(string transactionId, int day = 5)
    {
        var room = (await Calendar.ListRoomsAsync(CancellationToken.None)).Single(r => r.Email == RoomEmail);
        return await Calendar.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = Organizer, Subject = "Leitbild-Interview", Start = Berlin(day, 10), End = Berlin(day, 11),
            Attendees = [new(Attendee, "Emil Exempel", AttendeeKind.Required)], Room = room, TransactionId = transactionId,
        }, CancellationToken.None);
    }

    [Fact]
    public async Task RoomsHaveACapacity()
    {
        var rooms = await Calendar.ListRoomsAsync(CancellationToken.None);

        Assert.Contains(rooms, r => r.Email == RoomEmail && r.Capacity > 0);
    }

    [Fact]
    public async Task ACreatedEventIsAnOnlineMeetingWithItsAttendeeAndRoom()
    {
        var created = await BookAsync("c-1");
        var read = await Calendar.GetEventAsync(Organizer, created.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.True(read.IsOnlineMeeting);
        Assert.Equal(Berlin(5, 10), read.Start);
        Assert.Equal(Berlin(5, 11), read.End);
        Assert.Contains(read.Attendees, a => a.Email == Attendee && a.Kind == AttendeeKind.Required);
        Assert.Contains(read.Attendees, a => a.Email == RoomEmail && a.Kind == AttendeeKind.Resource);
        Assert.False(read.IsCancelled);
    }

    [Fact]
    public async Task TheSameTransactionIdNeverCreatesASecondEvent()
    {
        var first = await BookAsync("c-2");
        var second = await BookAsync("c-2");

        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task ABookedEventIsNoLongerFreeTimeForOrganizerAttendeeAndRoom()
    {
        var created = await BookAsync("c-3", day: 6);

        var snapshot = await Calendar.GetSchedulesAsync([Organizer, Attendee, RoomEmail], Berlin(6, 0), Berlin(7, 0), TimeSpan.FromMinutes(15), CancellationToken.None);

        foreach (var mailbox in new[] { Organizer, Attendee, RoomEmail })
        {
            Assert.Contains(snapshot.For(mailbox).Blocks, b => b.Start <= created.Start && b.End >= created.End && b.Status is FreeBusyStatus.Busy or FreeBusyStatus.Tentative);
        }
    }

    [Fact]
    public async Task AMovedEventKeepsItsIdAndACancelledOneFreesTheRoom()
    {
        var created = await BookAsync("c-4", day: 7);

        var moved = await Calendar.UpdateEventAsync(Organizer, created.Id, new EventChange { Start = Berlin(7, 14), End = Berlin(7, 15) }, CancellationToken.None);
        await Calendar.CancelEventAsync(Organizer, created.Id, "Abgesagt", CancellationToken.None);

        Assert.Equal(created.Id, moved.Id);
        Assert.Equal(Berlin(7, 14), moved.Start);
        Assert.True((await Calendar.GetEventAsync(Organizer, created.Id, CancellationToken.None))!.IsCancelled);
        var room = await Calendar.GetSchedulesAsync([RoomEmail], Berlin(7, 0), Berlin(8, 0), TimeSpan.FromMinutes(15), CancellationToken.None);
        Assert.Empty(room.For(RoomEmail).Blocks);
    }

    [Fact]
    public async Task AnUnknownMailboxIsReportedNotInvented()
    {
        var snapshot = await Calendar.GetSchedulesAsync(["nobody@nowhere.example"], Berlin(5, 0), Berlin(6, 0), TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.NotNull(snapshot.For("nobody@nowhere.example").Error);
    }
}

public sealed class LocalCalendarContractTests : CalendarContractTests
{
    private SchedulingApp _app = null!;

    public override Task InitializeAsync()
    {
        _app = new SchedulingApp();
        Calendar = _app.Get<LocalCalendar>();
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class GraphCalendarContractTests : CalendarContractTests
{
    private GraphSimulatorHost _host = null!;
    private HttpClient _http = null!;

    public override async Task InitializeAsync()
    {
        var calendars = new CalendarsFeature();
        calendars.AddMailbox(new SimulatedMailbox { Email = Organizer, DisplayName = "Moderation" });
        calendars.AddMailbox(new SimulatedMailbox { Email = Attendee, DisplayName = "Emil Exempel" });
        calendars.AddRoom(RoomEmail, "Ratssaal", 60);
        _host = await GraphSimulatorHost.StartAsync(calendars);
        _http = GraphClientFactory.Create();
        Calendar = new GraphCalendar(new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), _host.BaseUrl.ToString()));
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
