using System.Globalization;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Microsoft.Graph.Models;
using CoreStatus = Leitbild.Teams.Core.Scheduling.FreeBusyStatus;
using GraphStatus = Microsoft.Graph.Models.FreeBusyStatus;

namespace Leitbild.Teams.Graph.Calendars;

/// <summary>Between Graph's calendar types and Core's. Times go out as Berlin wall-clock time (UTC where the wall clock
/// is ambiguous) and come back in whatever zone each dateTimeTimeZone names.</summary>
internal static class GraphCalendarMapping
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    // https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone
    public static DateTimeTimeZone ToGraph(DateTimeOffset instant)
    {
        var local = BerlinTime.ToLocal(instant);
        // 2:30 on the last Sunday of October happens twice: only UTC names one of them.
        return BerlinTime.Zone.IsAmbiguousTime(local)
            ? new DateTimeTimeZone { DateTime = instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture), TimeZone = "UTC" }
            : new DateTimeTimeZone { DateTime = local.ToString(Format, CultureInfo.InvariantCulture), TimeZone = BerlinTime.WindowsId };
    }

    public static DateTimeOffset FromGraph(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text)
        {
            throw new InvalidDataException("Graph returned a time without dateTime.");
        }
        var local = DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified);
        var zone = string.IsNullOrEmpty(value.TimeZone) || value.TimeZone.Equals("UTC", StringComparison.OrdinalIgnoreCase)
            ? TimeZoneInfo.Utc
            : BerlinTime.FindZone(value.TimeZone) ?? throw new InvalidDataException($"Graph returned an unknown time zone '{value.TimeZone}'.");
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static CoreStatus ToCore(GraphStatus? status) => status switch
    {
        GraphStatus.Free => CoreStatus.Free,
        GraphStatus.Busy => CoreStatus.Busy,
        GraphStatus.Oof => CoreStatus.OutOfOffice,
        GraphStatus.WorkingElsewhere => CoreStatus.WorkingElsewhere,
        // Tentative, and unknown: not a hard conflict, but not free either.
        _ => CoreStatus.Tentative,
    };

    /// <summary>scheduleInformation → Core. https://learn.microsoft.com/en-us/graph/api/resources/scheduleinformation</summary>
    public static ScheduleAvailability ToCore(ScheduleInformation info, string requestedId, DateTimeOffset windowStart, TimeSpan interval)
    {
        if (info.Error is { } error)
        {
            return new ScheduleAvailability { ScheduleId = requestedId, Error = error.ResponseCode ?? error.Message ?? "error" };
        }
        var blocks = (info.ScheduleItems ?? [])
            .Where(i => i.Start is not null && i.End is not null)
            .Select(i => new BusyBlock(FromGraph(i.Start), FromGraph(i.End), ToCore(i.Status)))
            .ToList();
        if (blocks.Count == 0 && !string.IsNullOrEmpty(info.AvailabilityView))
        {
            blocks = FromAvailabilityView(info.AvailabilityView, windowStart, interval);
        }
        var (hours, zone) = ToCore(info.WorkingHours);
        return new ScheduleAvailability { ScheduleId = requestedId, Blocks = blocks, WorkingHours = hours, WorkingHoursZone = zone };
    }

    /// <summary>When a mailbox shares no items, the merged view still tells free (0), tentative (1), busy (2), away (3),
    /// working elsewhere (4) per interval.</summary>
    public static List<BusyBlock> FromAvailabilityView(string view, DateTimeOffset start, TimeSpan interval)
    {
        var blocks = new List<BusyBlock>();
        for (var i = 0; i < view.Length; i++)
        {
            var status = view[i] switch
            {
                '1' => CoreStatus.Tentative,
                '2' => CoreStatus.Busy,
                '3' => CoreStatus.OutOfOffice,
                _ => (CoreStatus?)null,
            };
            if (status is { } s)
            {
                blocks.Add(new BusyBlock(start + (interval * i), start + (interval * (i + 1)), s));
            }
        }
        return blocks;
    }

    /// <summary>workingHours → Core; https://learn.microsoft.com/en-us/graph/api/resources/workinghours. A custom time zone
    /// (no id) counts as Berlin.</summary>
    public static (Core.Process.WorkingHours? Hours, TimeZoneInfo? Zone) ToCore(Microsoft.Graph.Models.WorkingHours? hours)
    {
        if (hours?.StartTime is not { } start || hours.EndTime is not { } end || hours.DaysOfWeek is not { Count: > 0 } days)
        {
            return (null, null);
        }
        var startTime = new TimeOnly(start.Hour, start.Minute, start.Second);
        var endTime = new TimeOnly(end.Hour, end.Minute, end.Second);
        if (endTime <= startTime && endTime != TimeOnly.MinValue)
        {
            return (null, null);
        }
        return (new Core.Process.WorkingHours
        {
            Days = days.Where(d => d is not null).Select(d => Enum.Parse<DayOfWeek>(d!.Value.ToString(), ignoreCase: true)).Distinct().ToList(),
            Start = startTime,
            End = endTime,
        }, BerlinTime.FindZone(hours.TimeZone?.Name));
    }

    public static AttendeeResponse ToCore(ResponseType? response) => response switch
    {
        ResponseType.Organizer => AttendeeResponse.Organizer,
        ResponseType.TentativelyAccepted => AttendeeResponse.TentativelyAccepted,
        ResponseType.Accepted => AttendeeResponse.Accepted,
        ResponseType.Declined => AttendeeResponse.Declined,
        ResponseType.NotResponded => AttendeeResponse.NotResponded,
        _ => AttendeeResponse.None,
    };

    public static AttendeeKind ToCore(AttendeeType? type) => type switch
    {
        AttendeeType.Optional => AttendeeKind.Optional,
        AttendeeType.Resource => AttendeeKind.Resource,
        _ => AttendeeKind.Required,
    };

    public static AttendeeType ToGraph(AttendeeKind kind) => kind switch
    {
        AttendeeKind.Optional => AttendeeType.Optional,
        AttendeeKind.Resource => AttendeeType.Resource,
        _ => AttendeeType.Required,
    };

    public static Attendee RoomAttendee(MeetingRoom room) => new()
    {
        EmailAddress = new EmailAddress { Address = room.Email, Name = room.DisplayName },
        Type = AttendeeType.Resource,
    };

    public static Location RoomLocation(MeetingRoom room) => new()
    {
        DisplayName = room.DisplayName,
        LocationEmailAddress = room.Email,
        LocationType = LocationType.ConferenceRoom,
    };

    /// <summary>event → Core. https://learn.microsoft.com/en-us/graph/api/resources/event</summary>
    public static CalendarEvent ToCore(Event e, string organizerEmail) => new()
    {
        Id = e.Id ?? throw new InvalidDataException("Graph returned an event without id."),
        OrganizerEmail = e.Organizer?.EmailAddress?.Address ?? organizerEmail,
        Subject = e.Subject ?? "",
        Start = FromGraph(e.Start),
        End = FromGraph(e.End),
        Location = string.IsNullOrEmpty(e.Location?.DisplayName) ? null : e.Location.DisplayName,
        JoinUrl = e.OnlineMeeting?.JoinUrl,
        IsOnlineMeeting = e.IsOnlineMeeting == true,
        IsCancelled = e.IsCancelled == true,
        Attendees = (e.Attendees ?? []).Where(a => a.EmailAddress?.Address is not null)
            .Select(a => new EventAttendee(a.EmailAddress!.Address!, a.EmailAddress.Name, ToCore(a.Type), ToCore(a.Status?.Response)))
            .ToList(),
    };
}
