namespace Leitbild.Teams.Core.Scheduling;

/// <summary>
/// Calendars of people and rooms: free/busy over a window, events with a Teams meeting, rooms.
/// Microsoft 365: Graph calendars (getSchedule, events, places). Locally: a SQLite calendar with seeded mailboxes.
/// People and rooms are addressed by SMTP address.
/// </summary>
public interface ICalendar
{
    /// <summary>Free/busy and working hours of each mailbox over [start, end). Any window length and any number of
    /// mailboxes: the adapter splits into calls the backend accepts.</summary>
    Task<FreeBusySnapshot> GetSchedulesAsync(IReadOnlyCollection<string> scheduleIds, DateTimeOffset start, DateTimeOffset end,
        TimeSpan resolution, CancellationToken cancellationToken);

    Task<IReadOnlyList<MeetingRoom>> ListRoomsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the event in the organizer's calendar and invites the attendees (and the room). Idempotent by
    /// <see cref="NewCalendarEvent.TransactionId"/>.</summary>
    Task<CalendarEvent> CreateEventAsync(NewCalendarEvent newEvent, CancellationToken cancellationToken);

    Task<CalendarEvent> UpdateEventAsync(string organizerEmail, string eventId, EventChange change, CancellationToken cancellationToken);

    /// <summary>Cancels the event and tells the attendees. Cancelling an event that is already gone succeeds.</summary>
    Task CancelEventAsync(string organizerEmail, string eventId, string? comment, CancellationToken cancellationToken);

    /// <summary>The event with the attendees' responses; null when it does not exist.</summary>
    Task<CalendarEvent?> GetEventAsync(string organizerEmail, string eventId, CancellationToken cancellationToken);
}
