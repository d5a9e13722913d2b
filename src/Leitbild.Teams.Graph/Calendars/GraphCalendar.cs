using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Graph.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace Leitbild.Teams.Graph.Calendars;

/// <summary>
/// The calendar port on Microsoft Graph (app-only): getSchedule for free/busy, events with Teams meetings, rooms from
/// the places API. The GraphServiceClient's base URL decides whether this talks to Graph or to the test simulator.
/// </summary>
public sealed class GraphCalendar(GraphServiceClient client, ILogger<GraphCalendar>? logger = null) : ICalendar
{
    /// <summary>getSchedule takes at most 20 entities and a period under 62 days:
    /// https://learn.microsoft.com/en-us/graph/outlook-get-free-busy-schedule (Limits and error conditions).</summary>
    public const int MaxSchedulesPerCall = 20;
    public static readonly TimeSpan MaxWindowPerCall = TimeSpan.FromDays(61);

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox; getSchedule chunks run at most 4 at a time.</summary>
    public const int MaxConcurrentCalls = 4;

    /// <summary>Asks Graph to answer in Berlin time: https://learn.microsoft.com/en-us/graph/api/calendar-getschedule (request headers).</summary>
    public const string PreferTimeZone = "outlook.timezone=\"" + BerlinTime.WindowsId + "\"";

    private readonly ILogger _logger = logger ?? NullLogger<GraphCalendar>.Instance;

    // https://learn.microsoft.com/en-us/graph/api/calendar-getschedule
    public async Task<FreeBusySnapshot> GetSchedulesAsync(IReadOnlyCollection<string> scheduleIds, DateTimeOffset start, DateTimeOffset end, TimeSpan resolution, CancellationToken cancellationToken)
    {
        var ids = scheduleIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var interval = (int)Math.Clamp(resolution.TotalMinutes, 5, 1440);
        var calls = (from chunk in ids.Chunk(MaxSchedulesPerCall)
                     from window in Windows(start, end)
                     select (Chunk: chunk, Window: window)).ToList();
        using var gate = new SemaphoreSlim(MaxConcurrentCalls);
        var results = await Task.WhenAll(calls.Select(async call =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await GetScheduleChunkAsync(ids[0], call.Chunk, call.Window.Start, call.Window.End, interval, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var merged = results.SelectMany(r => r)
            .GroupBy(s => s.ScheduleId, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First() with
            {
                Blocks = g.SelectMany(s => s.Blocks).Distinct().OrderBy(b => b.Start).ToList(),
                Error = g.Select(s => s.Error).FirstOrDefault(e => e is not null),
            });
        _logger.LogInformation("Read free/busy of {ScheduleCount} mailboxes in {CallCount} getSchedule calls", ids.Count, calls.Count);
        return new FreeBusySnapshot(start, end, merged);
    }

    private async Task<IReadOnlyList<ScheduleAvailability>> GetScheduleChunkAsync(string askingMailbox, string[] chunk, DateTimeOffset start, DateTimeOffset end, int interval, CancellationToken cancellationToken)
    {
        var body = new GetSchedulePostRequestBody
        {
            Schedules = [.. chunk],
            StartTime = GraphCalendarMapping.ToGraph(start),
            EndTime = GraphCalendarMapping.ToGraph(end),
            AvailabilityViewInterval = interval,
        };
        // App-only: any mailbox in reach may ask. The first one named (a person, as callers list rooms last) asks for all
        // chunks, so the request touches one more mailbox at most.
        var response = await client.Users[askingMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(body,
            c =>
            {
                c.Headers.Add("Prefer", PreferTimeZone);
                // getSchedule only reads: a 503 is retried like a GET.
                c.Options.Add(RetrySafePost.Instance);
            }, cancellationToken);
        var infos = response?.Value ?? [];
        return chunk.Select(id =>
        {
            var info = infos.FirstOrDefault(i => string.Equals(i.ScheduleId, id, StringComparison.OrdinalIgnoreCase));
            return info is null
                ? new ScheduleAvailability { ScheduleId = id, Error = "missing from the getSchedule response" }
                : GraphCalendarMapping.ToCore(info, id, start, TimeSpan.FromMinutes(interval));
        }).ToList();
    }

    /// <summary>Splits a window into pieces Graph accepts (each under 62 days).</summary>
    internal static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Windows(DateTimeOffset start, DateTimeOffset end)
    {
        for (var from = start; from < end; from += MaxWindowPerCall)
        {
            yield return (from, from + MaxWindowPerCall < end ? from + MaxWindowPerCall : end);
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/place-list — GET /places/microsoft.graph.room, 100 per page.
    public async Task<IReadOnlyList<MeetingRoom>> ListRoomsAsync(CancellationToken cancellationToken)
    {
        var rooms = new List<MeetingRoom>();
        var page = await client.Places.GraphRoom.GetAsync(c => c.QueryParameters.Top = 100, cancellationToken);
        while (page is not null)
        {
            rooms.AddRange((page.Value ?? []).Where(r => r.EmailAddress is not null)
                .Select(r => new MeetingRoom(r.EmailAddress!, r.DisplayName ?? r.EmailAddress!, r.Capacity ?? 0)));
            page = page.OdataNextLink is { } next
                ? await client.Places.GraphRoom.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                : null;
        }
        return rooms;
    }

    // https://learn.microsoft.com/en-us/graph/api/user-post-events — POST /users/{organizer}/events; the Teams meeting
    // comes from isOnlineMeeting + onlineMeetingProvider teamsForBusiness; a room is a resource attendee plus location.
    public async Task<CalendarEvent> CreateEventAsync(NewCalendarEvent newEvent, CancellationToken cancellationToken)
    {
        var attendees = newEvent.Attendees.Select(a => new Attendee
        {
            EmailAddress = new EmailAddress { Address = a.Email, Name = a.DisplayName },
            Type = GraphCalendarMapping.ToGraph(a.Kind),
        }).ToList();
        if (newEvent.Room is { } room)
        {
            attendees.Add(GraphCalendarMapping.RoomAttendee(room));
        }
        var body = new Event
        {
            Subject = newEvent.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = newEvent.Body ?? "" },
            Start = GraphCalendarMapping.ToGraph(newEvent.Start),
            End = GraphCalendarMapping.ToGraph(newEvent.End),
            Attendees = attendees,
            Location = newEvent.Room is { } r ? GraphCalendarMapping.RoomLocation(r) : null,
            IsOnlineMeeting = newEvent.IsOnlineMeeting,
            OnlineMeetingProvider = newEvent.IsOnlineMeeting ? OnlineMeetingProviderType.TeamsForBusiness : null,
            AllowNewTimeProposals = false,
            // A retried POST with the same transactionId does not create a second event.
            TransactionId = newEvent.TransactionId,
        };
        var created = await client.Users[newEvent.OrganizerEmail].Events.PostAsync(body, c =>
            {
                c.Headers.Add("Prefer", PreferTimeZone);
                if (newEvent.TransactionId is not null)
                {
                    // The transactionId makes a repeated POST harmless, so a 503 is retried at once.
                    c.Options.Add(RetrySafePost.Instance);
                }
            }, cancellationToken)
            ?? throw new InvalidDataException("Graph returned no event.");
        _logger.LogInformation("Created calendar event {EventId} with {AttendeeCount} attendees", created.Id, attendees.Count);
        return GraphCalendarMapping.ToCore(created, newEvent.OrganizerEmail);
    }

    // https://learn.microsoft.com/en-us/graph/api/event-update — PATCH only what changes.
    public async Task<CalendarEvent> UpdateEventAsync(string organizerEmail, string eventId, EventChange change, CancellationToken cancellationToken)
    {
        var patch = new Event
        {
            Subject = change.Subject,
            Start = change.Start is { } start ? GraphCalendarMapping.ToGraph(start) : null,
            End = change.End is { } end ? GraphCalendarMapping.ToGraph(end) : null,
        };
        if (change.Room is { } room)
        {
            var current = await client.Users[organizerEmail].Events[eventId].GetAsync(cancellationToken: cancellationToken);
            patch.Attendees = (current?.Attendees ?? []).Where(a => a.Type != AttendeeType.Resource).Append(GraphCalendarMapping.RoomAttendee(room)).ToList();
            patch.Location = GraphCalendarMapping.RoomLocation(room);
        }
        var updated = await client.Users[organizerEmail].Events[eventId].PatchAsync(patch, c => c.Headers.Add("Prefer", PreferTimeZone), cancellationToken)
            ?? throw new InvalidDataException("Graph returned no event.");
        return GraphCalendarMapping.ToCore(updated, organizerEmail);
    }

    // https://learn.microsoft.com/en-us/graph/api/event-cancel — organizer only, 202, attendees get the comment.
    public async Task CancelEventAsync(string organizerEmail, string eventId, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            await client.Users[organizerEmail].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
            _logger.LogInformation("Cancelled calendar event {EventId}", eventId);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            // Already gone (deleted, or cancelled by an earlier try): the goal is reached.
            _logger.LogInformation("Calendar event {EventId} was already gone", eventId);
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/event-get — attendees[].status.response carries each RSVP.
    public async Task<CalendarEvent?> GetEventAsync(string organizerEmail, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var e = await client.Users[organizerEmail].Events[eventId].GetAsync(c => c.Headers.Add("Prefer", PreferTimeZone), cancellationToken);
            return e is null ? null : GraphCalendarMapping.ToCore(e, organizerEmail);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }
}
