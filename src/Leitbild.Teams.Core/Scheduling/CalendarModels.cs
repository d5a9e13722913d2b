using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>Graph's free/busy states (availabilityView digits 0–4). Only busy and away block a slot; tentative is a soft conflict.</summary>
public enum FreeBusyStatus
{
    Free,
    Tentative,
    Busy,
    OutOfOffice,
    WorkingElsewhere,
}

/// <summary>One item of a schedule: [Start, End) with its status. Subjects are not carried: the app does not need them.</summary>
public sealed record BusyBlock(DateTimeOffset Start, DateTimeOffset End, FreeBusyStatus Status);

/// <summary>What one mailbox (person or room) looks like over a window.</summary>
public sealed record ScheduleAvailability
{
    /// <summary>The SMTP address the schedule was asked for.</summary>
    public required string ScheduleId { get; init; }
    public IReadOnlyList<BusyBlock> Blocks { get; init; } = [];
    /// <summary>Weekly working hours; null means the default Monday–Friday 8:00–16:00.</summary>
    public WorkingHours? WorkingHours { get; init; }
    /// <summary>The zone the working hours are in; null means Europe/Berlin.</summary>
    public TimeZoneInfo? WorkingHoursZone { get; init; }
    /// <summary>Set when the calendar could not be read (unknown mailbox, no permission). The schedule then counts as free.</summary>
    public string? Error { get; init; }
}

/// <summary>Free/busy of many mailboxes over one window, looked up by SMTP address (case-insensitive).</summary>
public sealed class FreeBusySnapshot
{
    private readonly Dictionary<string, ScheduleAvailability> _schedules = new(StringComparer.OrdinalIgnoreCase);

    public FreeBusySnapshot(DateTimeOffset start, DateTimeOffset end, IEnumerable<ScheduleAvailability> schedules)
    {
        Start = start;
        End = end;
        foreach (var schedule in schedules)
        {
            _schedules[schedule.ScheduleId] = schedule;
        }
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public IReadOnlyCollection<ScheduleAvailability> Schedules => _schedules.Values;

    /// <summary>A mailbox nobody asked about counts as free with default working hours.</summary>
    public ScheduleAvailability For(string scheduleId) =>
        _schedules.TryGetValue(scheduleId, out var schedule) ? schedule : new ScheduleAvailability { ScheduleId = scheduleId };

    public bool Contains(string scheduleId) => _schedules.ContainsKey(scheduleId);
}

/// <summary>A bookable meeting room (Graph: places/microsoft.graph.room).</summary>
public sealed record MeetingRoom(string Email, string DisplayName, int Capacity);

public enum AttendeeKind
{
    Required,
    Optional,
    Resource,
}

/// <summary>An attendee's answer to an invitation (Graph responseType).</summary>
public enum AttendeeResponse
{
    None,
    Organizer,
    TentativelyAccepted,
    Accepted,
    Declined,
    NotResponded,
}

public sealed record EventAttendee(string Email, string? DisplayName, AttendeeKind Kind, AttendeeResponse Response = AttendeeResponse.None);

/// <summary>An event to create in the organizer's calendar; attendees get it through the invitation.</summary>
public sealed record NewCalendarEvent
{
    public required string OrganizerEmail { get; init; }
    public required string Subject { get; init; }
    public string? Body { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];
    public MeetingRoom? Room { get; init; }
    /// <summary>A Teams meeting with a join link.</summary>
    public bool IsOnlineMeeting { get; init; } = true;
    /// <summary>Makes creation idempotent: a retry with the same id returns the event already created (Graph event.transactionId).</summary>
    public required string TransactionId { get; init; }
}

/// <summary>Changes to an existing event; null leaves a field as it is.</summary>
public sealed record EventChange
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? Subject { get; init; }
    public MeetingRoom? Room { get; init; }
}

/// <summary>An event as the calendar reports it, with the attendees' responses.</summary>
public sealed record CalendarEvent
{
    public required string Id { get; init; }
    public required string OrganizerEmail { get; init; }
    public required string Subject { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public string? Location { get; init; }
    public string? JoinUrl { get; init; }
    public bool IsOnlineMeeting { get; init; }
    public bool IsCancelled { get; init; }
    public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];
}
