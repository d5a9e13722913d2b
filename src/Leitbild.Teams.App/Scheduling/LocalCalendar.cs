using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// The calendar port in local mode: the seeded directory's people (working hours from organisation.json) with
/// fictional appointments, three fictional rooms, and the events the app books, kept in SQLite. A booked event is busy
/// time for its organizer, its attendees (unless they declined) and its room.
/// </summary>
public sealed class LocalCalendar(SqliteDatabase database, IDirectory directory, TimeProvider time) : ICalendar
{
    public async Task<FreeBusySnapshot> GetSchedulesAsync(IReadOnlyCollection<string> scheduleIds, DateTimeOffset start, DateTimeOffset end, TimeSpan resolution, CancellationToken cancellationToken)
    {
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var people = organisation.People.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var rooms = (await ListRoomsAsync(cancellationToken)).ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var booked = await BookedBlocksAsync(start, end, cancellationToken);
        var schedules = new List<ScheduleAvailability>();
        foreach (var id in scheduleIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var events = booked.TryGetValue(id, out var own) ? own : [];
            if (people.TryGetValue(id, out var person))
            {
                schedules.Add(new ScheduleAvailability
                {
                    ScheduleId = id,
                    WorkingHours = person.WorkingHours ?? WorkingHours.Default,
                    Blocks = FictionalCalendar.BlocksFor(person, start, end).Concat(events).OrderBy(b => b.Start).ToList(),
                });
            }
            else if (rooms.ContainsKey(id))
            {
                schedules.Add(new ScheduleAvailability { ScheduleId = id, Blocks = events, WorkingHours = AlwaysOpen });
            }
            else
            {
                schedules.Add(new ScheduleAvailability { ScheduleId = id, Error = "ErrorMailRecipientNotFound" });
            }
        }
        return new FreeBusySnapshot(start, end, schedules);
    }

    private static readonly WorkingHours AlwaysOpen = new() { Days = Enum.GetValues<DayOfWeek>(), Start = TimeOnly.MinValue, End = TimeOnly.MinValue };

    /// <summary>Busy blocks from booked events, by mailbox: organizer, attendees who did not decline, and the room.</summary>
    private async Task<Dictionary<string, List<BusyBlock>>> BookedBlocksAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var blocks = new Dictionary<string, List<BusyBlock>>(StringComparer.OrdinalIgnoreCase);
        void Add(string email, BusyBlock block)
        {
            if (!blocks.TryGetValue(email, out var list))
            {
                blocks[email] = list = [];
            }
            list.Add(block);
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.organizer_email, e.start_utc, e.end_utc, a.email, a.response
            FROM scheduling_events e LEFT JOIN scheduling_event_attendees a ON a.event_id = e.id
            WHERE e.is_cancelled = 0 AND e.start_utc < $end AND e.end_utc > $start
            """;
        command.Parameters.AddWithValue("$start", StoredValues.Instant(start));
        command.Parameters.AddWithValue("$end", StoredValues.Instant(end));
        var organizers = new HashSet<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var from = StoredValues.Instant(reader.GetString(1));
            var to = StoredValues.Instant(reader.GetString(2));
            if (organizers.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2))))
            {
                Add(reader.GetString(0), new BusyBlock(from, to, FreeBusyStatus.Busy));
            }
            if (!reader.IsDBNull(3))
            {
                var response = Enum.Parse<AttendeeResponse>(reader.GetString(4));
                if (response != AttendeeResponse.Declined)
                {
                    Add(reader.GetString(3), new BusyBlock(from, to, response == AttendeeResponse.TentativelyAccepted ? FreeBusyStatus.Tentative : FreeBusyStatus.Busy));
                }
            }
        }
        return blocks;
    }

    public async Task<IReadOnlyList<MeetingRoom>> ListRoomsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, display_name, capacity FROM scheduling_rooms ORDER BY email";
        var rooms = new List<MeetingRoom>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rooms.Add(new MeetingRoom(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
        return rooms;
    }

    public async Task<CalendarEvent> CreateEventAsync(NewCalendarEvent newEvent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var existing = await ScalarAsync(connection, transaction, "SELECT id FROM scheduling_events WHERE organizer_email = $o AND transaction_id = $t",
            cancellationToken, ("$o", newEvent.OrganizerEmail), ("$t", newEvent.TransactionId));
        if (existing is string existingId)
        {
            await transaction.CommitAsync(cancellationToken);
            return (await GetEventAsync(newEvent.OrganizerEmail, existingId, cancellationToken))!;
        }
        var id = Guid.NewGuid().ToString("N");
        var now = StoredValues.Instant(time.GetUtcNow());
        await ExecuteAsync(connection, transaction, """
            INSERT INTO scheduling_events(id, organizer_email, subject, body, start_utc, end_utc, room_email, location, is_online, join_url, transaction_id, created_at, updated_at)
            VALUES ($id, $o, $s, $b, $start, $end, $room, $location, $online, NULL, $t, $now, $now)
            """, cancellationToken,
            ("$id", id), ("$o", newEvent.OrganizerEmail), ("$s", newEvent.Subject), ("$b", newEvent.Body), ("$start", StoredValues.Instant(newEvent.Start)),
            ("$end", StoredValues.Instant(newEvent.End)), ("$room", newEvent.Room?.Email), ("$location", newEvent.Room?.DisplayName),
            ("$online", newEvent.IsOnlineMeeting ? 1 : 0), ("$t", newEvent.TransactionId), ("$now", now));
        var attendees = newEvent.Attendees.ToList();
        if (newEvent.Room is { } room)
        {
            attendees.Add(new EventAttendee(room.Email, room.DisplayName, AttendeeKind.Resource, AttendeeResponse.Accepted));
        }
        await InsertAttendeesAsync(connection, transaction, id, attendees, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GetEventAsync(newEvent.OrganizerEmail, id, cancellationToken))!;
    }

    public async Task<CalendarEvent> UpdateEventAsync(string organizerEmail, string eventId, EventChange change, CancellationToken cancellationToken)
    {
        var current = await GetEventAsync(organizerEmail, eventId, cancellationToken)
            ?? throw new KeyNotFoundException($"Event {eventId} does not exist.");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE scheduling_events SET subject = $s, start_utc = $start, end_utc = $end, sequence = sequence + 1, updated_at = $now,
                room_email = COALESCE($room, room_email), location = COALESCE($location, location)
            WHERE id = $id
            """, cancellationToken,
            ("$id", eventId), ("$s", change.Subject ?? current.Subject), ("$start", StoredValues.Instant(change.Start ?? current.Start)),
            ("$end", StoredValues.Instant(change.End ?? current.End)), ("$now", StoredValues.Instant(time.GetUtcNow())),
            ("$room", change.Room?.Email), ("$location", change.Room?.DisplayName));
        if (change.Room is { } room)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM scheduling_event_attendees WHERE event_id = $id AND kind = 'Resource'", cancellationToken, ("$id", eventId));
            await InsertAttendeesAsync(connection, transaction, eventId, [new EventAttendee(room.Email, room.DisplayName, AttendeeKind.Resource, AttendeeResponse.Accepted)], cancellationToken, 100);
        }
        await transaction.CommitAsync(cancellationToken);
        return (await GetEventAsync(organizerEmail, eventId, cancellationToken))!;
    }

    public async Task CancelEventAsync(string organizerEmail, string eventId, string? comment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            UPDATE scheduling_events SET is_cancelled = 1, sequence = sequence + 1, updated_at = $now
            WHERE id = $id AND organizer_email = $o AND is_cancelled = 0
            """, cancellationToken, ("$id", eventId), ("$o", organizerEmail), ("$now", StoredValues.Instant(time.GetUtcNow())));
    }

    public async Task<CalendarEvent?> GetEventAsync(string organizerEmail, string eventId, CancellationToken cancellationToken)
    {
        var found = await GetStoredEventAsync(eventId, cancellationToken);
        return found is not null && string.Equals(found.Event.OrganizerEmail, organizerEmail, StringComparison.OrdinalIgnoreCase) ? found.Event : null;
    }

    /// <summary>An event by id alone, with what the .ics needs beyond the port's view (sequence, last change).</summary>
    public async Task<StoredEvent?> GetStoredEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT organizer_email, subject, body, start_utc, end_utc, location, is_online, join_url, is_cancelled, sequence, updated_at
            FROM scheduling_events WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", eventId);
        CalendarEvent e;
        int sequence;
        DateTimeOffset updated;
        string? body;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            body = reader.IsDBNull(2) ? null : reader.GetString(2);
            e = new CalendarEvent
            {
                Id = eventId,
                OrganizerEmail = reader.GetString(0),
                Subject = reader.GetString(1),
                Start = StoredValues.Instant(reader.GetString(3)),
                End = StoredValues.Instant(reader.GetString(4)),
                Location = reader.IsDBNull(5) ? null : reader.GetString(5),
                IsOnlineMeeting = reader.GetInt32(6) == 1,
                JoinUrl = reader.IsDBNull(7) ? null : reader.GetString(7),
                IsCancelled = reader.GetInt32(8) == 1,
            };
            sequence = reader.GetInt32(9);
            updated = StoredValues.Instant(reader.GetString(10));
        }
        await using var attendees = connection.CreateCommand();
        attendees.CommandText = "SELECT email, display_name, kind, response FROM scheduling_event_attendees WHERE event_id = $id ORDER BY position";
        attendees.Parameters.AddWithValue("$id", eventId);
        var list = new List<EventAttendee>();
        await using (var reader = await attendees.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new EventAttendee(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    Enum.Parse<AttendeeKind>(reader.GetString(2)), Enum.Parse<AttendeeResponse>(reader.GetString(3))));
            }
        }
        return new StoredEvent(e with { Attendees = list }, sequence, updated, body);
    }

    /// <summary>Local stand-in for answering an invitation in Outlook.</summary>
    public async Task<bool> RespondAsync(string eventId, string attendeeEmail, AttendeeResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "UPDATE scheduling_event_attendees SET response = $r, responded_at = $now WHERE event_id = $id AND email = $e",
            cancellationToken, ("$r", response.ToString()), ("$now", StoredValues.Instant(time.GetUtcNow())), ("$id", eventId), ("$e", attendeeEmail)) == 1;
    }

    /// <summary>Events a mailbox organizes or attends in a window (what "its calendar" shows).</summary>
    public async Task<IReadOnlyList<CalendarEvent>> ListEventsAsync(string email, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT DISTINCT e.id, e.start_utc FROM scheduling_events e LEFT JOIN scheduling_event_attendees a ON a.event_id = e.id
                WHERE (e.organizer_email = $e OR a.email = $e) AND e.start_utc < $end AND e.end_utc > $start
                ORDER BY e.start_utc, e.id
                """;
            command.Parameters.AddWithValue("$e", email);
            command.Parameters.AddWithValue("$start", StoredValues.Instant(start));
            command.Parameters.AddWithValue("$end", StoredValues.Instant(end));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }
        var events = new List<CalendarEvent>();
        foreach (var id in ids)
        {
            if (await GetStoredEventAsync(id, cancellationToken) is { } stored)
            {
                events.Add(stored.Event);
            }
        }
        return events;
    }

    private static async Task InsertAttendeesAsync(SqliteConnection connection, SqliteTransaction transaction, string eventId, IEnumerable<EventAttendee> attendees, CancellationToken cancellationToken, int firstPosition = 0)
    {
        var position = firstPosition;
        foreach (var a in attendees)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO scheduling_event_attendees(event_id, email, display_name, kind, response, position) VALUES ($id, $e, $n, $k, $r, $p)
                ON CONFLICT(event_id, email) DO NOTHING
                """, cancellationToken, ("$id", eventId), ("$e", a.Email), ("$n", a.DisplayName), ("$k", a.Kind.ToString()), ("$r", a.Response.ToString()), ("$p", position++));
        }
    }

    internal static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

public sealed record StoredEvent(CalendarEvent Event, int Sequence, DateTimeOffset UpdatedAt, string? Body);
