namespace Leitbild.Teams.GraphSimulator.Calendars;

/// <summary>A seeded mailbox (person or room) with its working hours and busy blocks.</summary>
public sealed class SimulatedMailbox
{
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public TimeOnly WorkingStart { get; init; } = new(8, 0);
    public TimeOnly WorkingEnd { get; init; } = new(17, 0);
    /// <summary>Windows zone id of the working hours, as Exchange reports it.</summary>
    public string WorkingTimeZone { get; init; } = "W. Europe Standard Time";
    public bool IsRoom { get; init; }
    public int Capacity { get; init; }
    public string Id { get; } = Guid.NewGuid().ToString().ToUpperInvariant();
    internal List<SimulatedBlock> Blocks { get; } = [];
}

/// <summary>A seeded appointment; status is a Graph freeBusyStatus (free, tentative, busy, oof, workingElsewhere).</summary>
public sealed record SimulatedBlock(DateTimeOffset Start, DateTimeOffset End, string Status, string? Subject = null);

public sealed class SimulatedAttendee
{
    public required string Email { get; init; }
    public string? Name { get; init; }
    /// <summary>required, optional or resource.</summary>
    public required string Type { get; init; }
    public string Response { get; set; } = "none";
    public DateTimeOffset? ResponseTime { get; set; }
}

/// <summary>An event as stored in the organizer's mailbox; attendees see it through their schedules.</summary>
public sealed class SimulatedEvent
{
    public required string Id { get; init; }
    public required string Organizer { get; init; }
    public string? OrganizerName { get; init; }
    public required string Subject { get; set; }
    public string? BodyContent { get; set; }
    public required DateTimeOffset Start { get; set; }
    public required DateTimeOffset End { get; set; }
    public string? LocationName { get; set; }
    public string? LocationEmail { get; set; }
    public bool IsOnlineMeeting { get; init; }
    public string? OnlineMeetingProvider { get; init; }
    public string? JoinUrl { get; init; }
    public string? TransactionId { get; init; }
    public bool IsCancelled { get; set; }
    public string? CancelComment { get; set; }
    public List<SimulatedAttendee> Attendees { get; set; } = [];
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset LastModified { get; set; }
}
