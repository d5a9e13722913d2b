using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Tests.Scheduling;

public sealed class LocalCalendarTests : IDisposable
{
    private readonly SchedulingApp _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset Berlin(int month, int day, int hour = 0) => BerlinTime.ToInstant(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    [Fact]
    public async Task SeededPeopleHaveTheirTemplateWorkingHoursAndStableFictionalAppointments()
    {
        var calendar = _app.Get<LocalCalendar>();
        var people = (await _app.Get<IDirectory>().GetOrganisationAsync(CancellationToken.None)).People;
        var emails = people.Select(p => p.Email).ToList();

        var first = await calendar.GetSchedulesAsync(emails, Berlin(5, 4), Berlin(6, 15), TimeSpan.FromMinutes(15), CancellationToken.None);
        var second = await calendar.GetSchedulesAsync(emails, Berlin(5, 4), Berlin(6, 15), TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.All(people, p => Assert.Equal(p.WorkingHours ?? WorkingHours.Default, first.For(p.Email).WorkingHours));
        Assert.All(emails, e => Assert.Equal(first.For(e).Blocks, second.For(e).Blocks));
        var blocks = first.Schedules.SelectMany(s => s.Blocks).ToList();
        Assert.True(blocks.Count > people.Count * 10, $"only {blocks.Count} fictional appointments");
        Assert.Contains(blocks, b => b.Status == FreeBusyStatus.Tentative);
        Assert.Contains(blocks, b => b.Status == FreeBusyStatus.OutOfOffice);
    }

    [Fact]
    public async Task ThreeFictionalRoomsWithCapacities()
    {
        var rooms = await _app.Get<LocalCalendar>().ListRoomsAsync(CancellationToken.None);

        Assert.Equal(3, rooms.Count);
        Assert.Contains(rooms, r => r.Email == SchedulingApp.Seeded.Ratssaal && r.Capacity == 60);
        Assert.All(rooms, r => Assert.True(r.Capacity > 0));
    }

    [Fact]
    public async Task ABookedEventBlocksOrganizerAttendeeAndRoomUntilCancelled()
    {
        var calendar = _app.Get<LocalCalendar>();
        var room = (await calendar.ListRoomsAsync(CancellationToken.None)).Single(r => r.Email == SchedulingApp.Seeded.Ratssaal);
        var created = await calendar.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = SchedulingApp.Seeded.ModeratorAEmail, Subject = "Interview", Start = Berlin(5, 5, 10), End = Berlin(5, 5, 11),
            Attendees = [new("emil.exempel@bergkamen.example", "Emil Exempel", AttendeeKind.Required)], Room = room, TransactionId = "t-1",
        }, CancellationToken.None);
        string[] mailboxes = [SchedulingApp.Seeded.ModeratorAEmail, "emil.exempel@bergkamen.example", room.Email];

        var during = await calendar.GetSchedulesAsync(mailboxes, Berlin(5, 5, 10), Berlin(5, 5, 11), TimeSpan.FromMinutes(15), CancellationToken.None);
        Assert.All(mailboxes, m => Assert.Contains(during.For(m).Blocks, b => b.Start == created.Start && b.Status == FreeBusyStatus.Busy));
        Assert.Single(await calendar.ListEventsAsync("emil.exempel@bergkamen.example", Berlin(5, 5), Berlin(5, 6), CancellationToken.None));

        await calendar.CancelEventAsync(SchedulingApp.Seeded.ModeratorAEmail, created.Id, null, CancellationToken.None);
        var after = await calendar.GetSchedulesAsync([room.Email], Berlin(5, 5, 10), Berlin(5, 5, 11), TimeSpan.FromMinutes(15), CancellationToken.None);
        Assert.Empty(after.For(room.Email).Blocks);
    }

    [Fact]
    public async Task ADeclinedInvitationIsNoLongerBusyForThatAttendee()
    {
        var calendar = _app.Get<LocalCalendar>();
        var created = await calendar.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = SchedulingApp.Seeded.ModeratorAEmail, Subject = "Workshop", Start = Berlin(5, 5, 13), End = Berlin(5, 5, 14),
            Attendees = [new("fenja.entwurf@bergkamen.example", null, AttendeeKind.Optional)], TransactionId = "t-2",
        }, CancellationToken.None);

        Assert.True(await calendar.RespondAsync(created.Id, "fenja.entwurf@bergkamen.example", AttendeeResponse.Declined, CancellationToken.None));

        var schedule = await calendar.GetSchedulesAsync(["fenja.entwurf@bergkamen.example"], Berlin(5, 5, 13), Berlin(5, 5, 14), TimeSpan.FromMinutes(15), CancellationToken.None);
        Assert.DoesNotContain(schedule.For("fenja.entwurf@bergkamen.example").Blocks, b => b.Start == created.Start && b.End == created.End);
        Assert.Equal(AttendeeResponse.Declined, (await calendar.GetEventAsync(SchedulingApp.Seeded.ModeratorAEmail, created.Id, CancellationToken.None))!.Attendees[0].Response);
    }
}
