using System.Collections.Concurrent;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.Core.Tests.Fakes;

/// <summary>An in-memory calendar: seeded busy blocks, events that block every attendee's calendar, idempotent creation
/// by transaction id, and scripted failures.</summary>
public sealed class FakeCalendar : ICalendar
{
    private readonly ConcurrentDictionary<string, List<BusyBlock>> _blocks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, WorkingHours> _hours = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, CalendarEvent> _events = new();
    private readonly ConcurrentDictionary<string, string> _byTransaction = new();
    private readonly Lock _gate = new();
    private int _failNext;

    public List<MeetingRoom> Rooms { get; } = [];
    public int ScheduleCalls { get; private set; }
    public int CreateCalls { get; private set; }
    public IReadOnlyCollection<CalendarEvent> Events => _events.Values.ToList();

    public void AddBusy(string email, DateTimeOffset start, DateTimeOffset end, FreeBusyStatus status = FreeBusyStatus.Busy) =>
        _blocks.GetOrAdd(email, _ => []).Add(new BusyBlock(start, end, status));

    public void SetHours(string email, WorkingHours hours) => _hours[email] = hours;

    /// <summary>The next <paramref name="count"/> writes throw, like Graph answering 503 after its retries.</summary>
    public void FailNextWrites(int count) => _failNext = count;

    public void Respond(string eventId, string email, AttendeeResponse response)
    {
        lock (_gate)
        {
            var e = _events[eventId];
            _events[eventId] = e with { Attendees = e.Attendees.Select(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase) ? a with { Response = response } : a).ToList() };
        }
    }

    public Task<FreeBusySnapshot> GetSchedulesAsync(IReadOnlyCollection<string> scheduleIds, DateTimeOffset start, DateTimeOffset end, TimeSpan resolution, CancellationToken cancellationToken)
    {
        ScheduleCalls++;
        var schedules = scheduleIds.Select(id => new ScheduleAvailability
        {
            ScheduleId = id,
            WorkingHours = _hours.GetValueOrDefault(id),
            Blocks = _blocks.GetValueOrDefault(id, []).Concat(EventBlocks(id)).Where(b => b.Start < end && start < b.End).ToList(),
        });
        return Task.FromResult(new FreeBusySnapshot(start, end, schedules));
    }

    private IEnumerable<BusyBlock> EventBlocks(string email) => _events.Values
        .Where(e => !e.IsCancelled && (string.Equals(e.OrganizerEmail, email, StringComparison.OrdinalIgnoreCase)
            || e.Attendees.Any(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase) && a.Response != AttendeeResponse.Declined)))
        .Select(e => new BusyBlock(e.Start, e.End, FreeBusyStatus.Busy));

    public Task<IReadOnlyList<MeetingRoom>> ListRoomsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MeetingRoom>>(Rooms.ToList());

    public Task<CalendarEvent> CreateEventAsync(NewCalendarEvent newEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FailIfScripted();
            CreateCalls++;
            if (_byTransaction.TryGetValue(newEvent.TransactionId, out var existing))
            {
                return Task.FromResult(_events[existing]);
            }
            var attendees = newEvent.Attendees.ToList();
            if (newEvent.Room is { } room)
            {
                attendees.Add(new EventAttendee(room.Email, room.DisplayName, AttendeeKind.Resource));
            }
            var created = new CalendarEvent
            {
                Id = Guid.NewGuid().ToString("N"),
                OrganizerEmail = newEvent.OrganizerEmail,
                Subject = newEvent.Subject,
                Start = newEvent.Start,
                End = newEvent.End,
                Location = newEvent.Room?.DisplayName,
                IsOnlineMeeting = newEvent.IsOnlineMeeting,
                JoinUrl = newEvent.IsOnlineMeeting ? "https://teams.example/join/" + newEvent.TransactionId : null,
                Attendees = attendees,
            };
            _events[created.Id] = created;
            _byTransaction[newEvent.TransactionId] = created.Id;
            return Task.FromResult(created);
        }
    }

    public Task<CalendarEvent> UpdateEventAsync(string organizerEmail, string eventId, EventChange change, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FailIfScripted();
            var e = _events[eventId];
            var updated = e with { Start = change.Start ?? e.Start, End = change.End ?? e.End, Subject = change.Subject ?? e.Subject };
            _events[eventId] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task CancelEventAsync(string organizerEmail, string eventId, string? comment, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FailIfScripted();
            if (_events.TryGetValue(eventId, out var e))
            {
                _events[eventId] = e with { IsCancelled = true };
            }
            return Task.CompletedTask;
        }
    }

    public Task<CalendarEvent?> GetEventAsync(string organizerEmail, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_events.GetValueOrDefault(eventId));

    private void FailIfScripted()
    {
        if (_failNext > 0)
        {
            _failNext--;
            throw new HttpRequestException("simulated calendar outage (503)");
        }
    }
}
