using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leitbild.Teams.GraphSimulator.Calendars;

/// <summary>
/// Outlook calendars and rooms as Graph serves them: getSchedule, events (create, get, list, update, cancel) with Teams
/// meetings, and the rooms list. Seed mailboxes, busy blocks and rooms, then point a GraphServiceClient at the host.
/// </summary>
public sealed class CalendarsFeature : ISimulatorFeature
{
    /// <summary>getSchedule limits: https://learn.microsoft.com/en-us/graph/outlook-get-free-busy-schedule (Limits and error conditions).</summary>
    public const int MaxSchedulesPerCall = 20;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(62);

    private readonly ConcurrentDictionary<string, SimulatedMailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedEvent> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ScheduleCall> _scheduleCalls = new();
    private readonly Lock _gate = new();

    /// <summary>Every getSchedule call: the mailbox in the URL, the schedules asked for, the window and interval.</summary>
    public IReadOnlyList<ScheduleCall> ScheduleCalls => _scheduleCalls.ToArray();

    /// <summary>Bodies of every event POST, as sent (to assert the shape the client wrote).</summary>
    public ConcurrentQueue<JsonObject> CreatedEventBodies { get; } = new();

    public IReadOnlyCollection<SimulatedEvent> Events => _events.Values.ToArray();

    public SimulatedMailbox AddMailbox(SimulatedMailbox mailbox) => _mailboxes[mailbox.Email] = mailbox;

    public SimulatedMailbox AddRoom(string email, string displayName, int capacity) =>
        AddMailbox(new SimulatedMailbox
        {
            Email = email,
            DisplayName = displayName,
            IsRoom = true,
            Capacity = capacity,
            WorkingDays = Enum.GetValues<DayOfWeek>(),
            WorkingStart = TimeOnly.MinValue,
            WorkingEnd = new TimeOnly(23, 59),
        });

    public void AddBusy(string email, DateTimeOffset start, DateTimeOffset end, string status = "busy", string? subject = null)
    {
        lock (_gate)
        {
            Mailbox(email).Blocks.Add(new SimulatedBlock(start, end, status, subject));
        }
    }

    /// <summary>An attendee answers an invitation (accepted, tentativelyAccepted, declined).</summary>
    public void Respond(string eventId, string attendeeEmail, string response, DateTimeOffset at)
    {
        lock (_gate)
        {
            var attendee = _events[eventId].Attendees.First(a => a.Email.Equals(attendeeEmail, StringComparison.OrdinalIgnoreCase));
            attendee.Response = response;
            attendee.ResponseTime = at;
        }
    }

    private SimulatedMailbox Mailbox(string email) =>
        _mailboxes.GetOrAdd(email, e => new SimulatedMailbox { Email = e, DisplayName = e });

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapPost("users/{id}/calendar/getSchedule", GetScheduleAsync);
        v1.MapPost("users/{id}/events", CreateEventAsync);
        v1.MapPost("users/{id}/calendar/events", CreateEventAsync);
        v1.MapGet("users/{id}/events", ListEvents);
        v1.MapGet("users/{id}/events/{eventId}", GetEvent);
        v1.MapPatch("users/{id}/events/{eventId}", UpdateEventAsync);
        v1.MapPost("users/{id}/events/{eventId}/cancel", CancelEventAsync);
        v1.MapGet("places/microsoft.graph.room", ListRooms);
        // The SDK (6.x) casts with Graph's namespace alias: GET /places/graph.room.
        v1.MapGet("places/graph.room", ListRooms);
    }

    // https://learn.microsoft.com/en-us/graph/api/calendar-getschedule — request: schedules, startTime, endTime,
    // availabilityViewInterval (5–1440, default 30); response: collection of scheduleInformation
    // (https://learn.microsoft.com/en-us/graph/api/resources/scheduleinformation) with availabilityView, scheduleItems,
    // workingHours (https://learn.microsoft.com/en-us/graph/api/resources/workinghours) and, per mailbox, error (freeBusyError).
    private async Task<IResult> GetScheduleAsync(string id, HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        if (body is null)
        {
            return BadRequest("The request body is not valid JSON.");
        }
        var schedules = body["schedules"]?.AsArray().Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
        DateTimeOffset start, end;
        try
        {
            start = GraphTime.Parse(body["startTime"]);
            end = GraphTime.Parse(body["endTime"]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return BadRequest($"startTime or endTime is invalid: {e.Message}");
        }
        var interval = 30;
        if (body["availabilityViewInterval"] is JsonValue raw)
        {
            // The concept page sends it as a string ("15"), the API page as a number.
            interval = raw.TryGetValue<int>(out var number) ? number : int.Parse(raw.GetValue<string>(), CultureInfo.InvariantCulture);
        }
        // The exact error codes Graph uses for these limits are not documented; the limits themselves are.
        if (schedules.Count == 0 || schedules.Count > MaxSchedulesPerCall)
        {
            return BadRequest($"schedules must name 1 to {MaxSchedulesPerCall} entities, got {schedules.Count}.");
        }
        if (end <= start || end - start >= MaxWindow)
        {
            return BadRequest("The time period must be less than 62 days and end after it starts.");
        }
        if (interval is < 5 or > 1440)
        {
            return BadRequest("availabilityViewInterval must be between 5 and 1440.");
        }
        _scheduleCalls.Enqueue(new ScheduleCall(id, schedules, start, end, interval, GraphTime.PreferredZone(request)));

        var zone = GraphTime.PreferredZone(request);
        var value = new JsonArray();
        foreach (var scheduleId in schedules)
        {
            if (!_mailboxes.TryGetValue(scheduleId, out var mailbox))
            {
                value.Add(new JsonObject
                {
                    ["scheduleId"] = scheduleId,
                    ["availabilityView"] = "",
                    ["scheduleItems"] = new JsonArray(),
                    ["error"] = new JsonObject { ["message"] = $"The mailbox {scheduleId} could not be found.", ["responseCode"] = "ErrorMailRecipientNotFound" },
                });
                continue;
            }
            var items = ItemsOf(mailbox, start, end);
            value.Add(new JsonObject
            {
                ["scheduleId"] = scheduleId,
                ["availabilityView"] = AvailabilityView(items, start, end, interval),
                ["scheduleItems"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
                {
                    ["isPrivate"] = false,
                    ["status"] = i.Status,
                    ["subject"] = i.Subject,
                    ["location"] = "",
                    ["start"] = GraphTime.Format(i.Start, zone),
                    ["end"] = GraphTime.Format(i.End, zone),
                }).ToArray()),
                ["workingHours"] = new JsonObject
                {
                    ["daysOfWeek"] = new JsonArray(mailbox.WorkingDays.Select(d => (JsonNode)JsonValue.Create(d.ToString().ToLowerInvariant())).ToArray()),
                    ["startTime"] = mailbox.WorkingStart.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                    ["endTime"] = mailbox.WorkingEnd.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                    ["timeZone"] = new JsonObject { ["name"] = mailbox.WorkingTimeZone },
                },
            });
        }
        return Json(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
            ["value"] = value,
        });
    }

    /// <summary>Seeded blocks plus events the mailbox organizes or attends (not declined, not cancelled).</summary>
    private List<SimulatedBlock> ItemsOf(SimulatedMailbox mailbox, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            var items = mailbox.Blocks.Where(b => b.Start < end && start < b.End).ToList();
            foreach (var e in _events.Values.Where(e => !e.IsCancelled && e.Start < end && start < e.End))
            {
                if (e.Organizer.Equals(mailbox.Email, StringComparison.OrdinalIgnoreCase))
                {
                    items.Add(new SimulatedBlock(e.Start, e.End, "busy", e.Subject));
                    continue;
                }
                var attendee = e.Attendees.FirstOrDefault(a => a.Email.Equals(mailbox.Email, StringComparison.OrdinalIgnoreCase));
                if (attendee is not null && attendee.Response != "declined")
                {
                    // An invitation not yet accepted shows as tentative, as Outlook does.
                    var status = attendee.Response == "accepted" || attendee.Type == "resource" ? "busy" : "tentative";
                    items.Add(new SimulatedBlock(e.Start, e.End, status, e.Subject));
                }
            }
            return items.OrderBy(i => i.Start).ToList();
        }
    }

    /// <summary>One digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere; the strongest wins.</summary>
    private static string AvailabilityView(List<SimulatedBlock> items, DateTimeOffset start, DateTimeOffset end, int interval)
    {
        var view = new StringBuilder();
        var step = TimeSpan.FromMinutes(interval);
        for (var t = start; t < end; t += step)
        {
            var slotEnd = t + step;
            var digit = items.Where(i => i.Start < slotEnd && t < i.End).Select(i => Rank(i.Status)).DefaultIfEmpty(0).Max();
            view.Append(digit switch { 4 => '3', 3 => '2', 2 => '1', 1 => '4', _ => '0' });
        }
        return view.ToString();
    }

    private static int Rank(string status) => status.ToLowerInvariant() switch
    {
        "oof" => 4,
        "busy" => 3,
        "tentative" => 2,
        "workingelsewhere" => 1,
        _ => 0,
    };

    // https://learn.microsoft.com/en-us/graph/api/user-post-events — 201 with the event; isOnlineMeeting with
    // onlineMeetingProvider teamsForBusiness gives onlineMeeting.joinUrl; rooms are attendees of type resource plus
    // location. transactionId (https://learn.microsoft.com/en-us/graph/api/resources/event) lets a client retry a
    // POST without creating the event twice.
    private async Task<IResult> CreateEventAsync(string id, HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        if (body is null)
        {
            return BadRequest("The request body is not valid JSON.");
        }
        CreatedEventBodies.Enqueue((JsonObject)body.DeepClone());
        DateTimeOffset start, end;
        try
        {
            start = GraphTime.Parse(body["start"]);
            end = GraphTime.Parse(body["end"]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return BadRequest($"start or end is invalid: {e.Message}");
        }
        if (end < start)
        {
            return BadRequest("The end of the event is before its start.");
        }
        var transactionId = body["transactionId"]?.GetValue<string>();
        SimulatedEvent created;
        lock (_gate)
        {
            var existing = transactionId is null ? null
                : _events.Values.FirstOrDefault(e => e.TransactionId == transactionId && e.Organizer.Equals(id, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                return Json(EventJson(existing, GraphTime.PreferredZone(request)), StatusCodes.Status201Created);
            }
            var online = body["isOnlineMeeting"]?.GetValue<bool>() == true;
            var eventId = "AAMkAD" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-');
            created = new SimulatedEvent
            {
                Id = eventId,
                Organizer = id,
                OrganizerName = _mailboxes.TryGetValue(id, out var organizer) ? organizer.DisplayName : id,
                Subject = body["subject"]?.GetValue<string>() ?? "",
                BodyContent = body["body"]?["content"]?.GetValue<string>(),
                Start = start,
                End = end,
                LocationName = body["location"]?["displayName"]?.GetValue<string>(),
                LocationEmail = body["location"]?["locationEmailAddress"]?.GetValue<string>(),
                IsOnlineMeeting = online,
                OnlineMeetingProvider = body["onlineMeetingProvider"]?.GetValue<string>(),
                JoinUrl = online ? $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{Guid.NewGuid():N}%40thread.v2/0" : null,
                TransactionId = transactionId,
                Attendees = ParseAttendees(body["attendees"]),
                Created = DateTimeOffset.UtcNow,
                LastModified = DateTimeOffset.UtcNow,
            };
            _events[eventId] = created;
        }
        return Json(EventJson(created, GraphTime.PreferredZone(request)), StatusCodes.Status201Created);
    }

    // https://learn.microsoft.com/en-us/graph/api/user-list-events
    private IResult ListEvents(string id, HttpRequest request)
    {
        var zone = GraphTime.PreferredZone(request);
        lock (_gate)
        {
            var value = _events.Values.Where(e => e.Organizer.Equals(id, StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.Start)
                .Select(e => (JsonNode)EventJson(e, zone)).ToArray();
            return Json(new JsonObject { ["value"] = new JsonArray(value) });
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/event-get
    private IResult GetEvent(string id, string eventId, HttpRequest request)
    {
        lock (_gate)
        {
            return Find(id, eventId) is { } e ? Json(EventJson(e, GraphTime.PreferredZone(request))) : NotFound();
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/event-update — PATCH with the changed properties, 200 with the event.
    private async Task<IResult> UpdateEventAsync(string id, string eventId, HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        if (body is null)
        {
            return BadRequest("The request body is not valid JSON.");
        }
        lock (_gate)
        {
            if (Find(id, eventId) is not { } e)
            {
                return NotFound();
            }
            try
            {
                if (body["start"] is { } start)
                {
                    e.Start = GraphTime.Parse(start);
                }
                if (body["end"] is { } end)
                {
                    e.End = GraphTime.Parse(end);
                }
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                return BadRequest($"start or end is invalid: {ex.Message}");
            }
            if (body["subject"]?.GetValue<string>() is { } subject)
            {
                e.Subject = subject;
            }
            if (body["location"] is { } location)
            {
                e.LocationName = location["displayName"]?.GetValue<string>();
                e.LocationEmail = location["locationEmailAddress"]?.GetValue<string>();
            }
            if (body["attendees"] is { } attendees)
            {
                var previous = e.Attendees.ToDictionary(a => a.Email, StringComparer.OrdinalIgnoreCase);
                e.Attendees = ParseAttendees(attendees);
                foreach (var a in e.Attendees.Where(a => previous.ContainsKey(a.Email)))
                {
                    a.Response = previous[a.Email].Response;
                    a.ResponseTime = previous[a.Email].ResponseTime;
                }
            }
            e.LastModified = DateTimeOffset.UtcNow;
            return Json(EventJson(e, GraphTime.PreferredZone(request)));
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/event-cancel — organizer only (else 400), optional comment, 202 and no body.
    private async Task<IResult> CancelEventAsync(string id, string eventId, HttpRequest request)
    {
        var body = await ReadBodyAsync(request);
        lock (_gate)
        {
            if (!_events.TryGetValue(eventId, out var e))
            {
                return NotFound();
            }
            if (!e.Organizer.Equals(id, StringComparison.OrdinalIgnoreCase))
            {
                return BadRequest("Your request can't be completed. You need to be an organizer to cancel a meeting.");
            }
            e.IsCancelled = true;
            e.CancelComment = body?["comment"]?.GetValue<string>();
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/place-list and resources/room (capacity is Int32).
    private IResult ListRooms() => Json(new JsonObject
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#places/microsoft.graph.room",
        ["value"] = new JsonArray(_mailboxes.Values.Where(m => m.IsRoom).OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase).Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["emailAddress"] = m.Email,
            ["displayName"] = m.DisplayName,
            ["capacity"] = m.Capacity,
            ["bookingType"] = "standard",
            ["isWheelChairAccessible"] = true,
            ["tags"] = new JsonArray(),
        }).ToArray()),
    });

    private SimulatedEvent? Find(string mailbox, string eventId) =>
        _events.TryGetValue(eventId, out var e) && e.Organizer.Equals(mailbox, StringComparison.OrdinalIgnoreCase) ? e : null;

    private static List<SimulatedAttendee> ParseAttendees(JsonNode? node) =>
        node?.AsArray().Where(a => a is not null).Select(a => new SimulatedAttendee
        {
            Email = a!["emailAddress"]?["address"]?.GetValue<string>() ?? "",
            Name = a["emailAddress"]?["name"]?.GetValue<string>(),
            Type = (a["type"]?.GetValue<string>() ?? "required").ToLowerInvariant(),
        }).ToList() ?? [];

    /// <summary>The event resource: https://learn.microsoft.com/en-us/graph/api/resources/event (attendee status is a
    /// responseStatus: https://learn.microsoft.com/en-us/graph/api/resources/responsestatus).</summary>
    private static JsonObject EventJson(SimulatedEvent e, string zone) => new()
    {
        ["@odata.etag"] = $"W/\"{e.LastModified.UtcTicks}\"",
        ["id"] = e.Id,
        ["createdDateTime"] = e.Created.ToString("O", CultureInfo.InvariantCulture),
        ["lastModifiedDateTime"] = e.LastModified.ToString("O", CultureInfo.InvariantCulture),
        ["iCalUId"] = "040000008200E00074C5B7101A82E008" + e.Id.GetHashCode(StringComparison.Ordinal).ToString("X8", CultureInfo.InvariantCulture),
        ["subject"] = e.Subject,
        ["bodyPreview"] = e.BodyContent ?? "",
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = e.BodyContent ?? "" },
        ["isCancelled"] = e.IsCancelled,
        ["isOrganizer"] = true,
        ["showAs"] = "busy",
        ["type"] = "singleInstance",
        ["transactionId"] = e.TransactionId,
        ["isOnlineMeeting"] = e.IsOnlineMeeting,
        ["onlineMeetingProvider"] = e.OnlineMeetingProvider ?? "unknown",
        ["onlineMeeting"] = e.JoinUrl is null ? null : new JsonObject { ["joinUrl"] = e.JoinUrl },
        ["responseStatus"] = new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" },
        ["start"] = GraphTime.Format(e.Start, zone),
        ["end"] = GraphTime.Format(e.End, zone),
        ["location"] = new JsonObject
        {
            ["displayName"] = e.LocationName ?? "",
            ["locationType"] = "default",
            ["locationEmailAddress"] = e.LocationEmail,
        },
        ["attendees"] = new JsonArray(e.Attendees.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = a.Type,
            ["status"] = new JsonObject
            {
                ["response"] = a.Response,
                ["time"] = (a.ResponseTime ?? DateTimeOffset.MinValue).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
            ["emailAddress"] = new JsonObject { ["name"] = a.Name ?? a.Email, ["address"] = a.Email },
        }).ToArray()),
        ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = e.OrganizerName ?? e.Organizer, ["address"] = e.Organizer } },
    };

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            // Graph matches property names case-insensitively: the SDK sends action parameters as "Schedules", "StartTime"
            // (as the getSchedule concept page does), the API page writes "schedules", "startTime".
            return await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult Json(JsonObject body, int status = StatusCodes.Status200OK) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    private static IResult BadRequest(string message) => GraphErrors.Result(StatusCodes.Status400BadRequest, "ErrorInvalidRequest", message);

    private static IResult NotFound() => GraphErrors.Result(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
}

public sealed record ScheduleCall(string Mailbox, IReadOnlyList<string> Schedules, DateTimeOffset Start, DateTimeOffset End, int Interval, string Zone);
