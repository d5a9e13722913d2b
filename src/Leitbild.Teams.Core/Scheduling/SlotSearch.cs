using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>What a meeting needs: who, where, how long, and within which bounds. People and rooms by SMTP address.</summary>
public sealed record SlotSearch
{
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public required TimeSpan Duration { get; init; }
    /// <summary>Everyone here must be free (not busy, not away) and within working hours.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];
    /// <summary>Counted for the quorum and the ranking; their conflicts never exclude a slot by themselves.</summary>
    public IReadOnlyList<string> Optional { get; init; } = [];
    /// <summary>Candidate rooms; the smallest free one that fits is chosen per slot.</summary>
    public IReadOnlyList<MeetingRoom> Rooms { get; init; } = [];
    /// <summary>A slot needs a free room. When false (online meeting) rooms are ignored.</summary>
    public bool RoomRequired { get; init; }
    /// <summary>Seats needed; default: everyone invited.</summary>
    public int? MinimumCapacity { get; init; }
    /// <summary>Time that must stay free before and after (travel, set-up), for people and rooms alike.</summary>
    public TimeSpan BufferBefore { get; init; }
    public TimeSpan BufferAfter { get; init; }
    /// <summary>Local (Berlin) time of day the meeting may start at the earliest and must end by at the latest.</summary>
    public TimeOnly? EarliestTimeOfDay { get; init; }
    public TimeOnly? LatestTimeOfDay { get; init; }
    /// <summary>Minimum share (0–1) of optional attendees who must be able to come (free or tentative).</summary>
    public double Quorum { get; init; }
    /// <summary>Days that rank higher; empty means no preference.</summary>
    public IReadOnlySet<DayOfWeek> PreferredDays { get; init; } = new HashSet<DayOfWeek>();
    /// <summary>Distance between possible start times (local clock): 15, 30, 60 minutes, ...</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>Cell size of the free/busy grid; Graph's availabilityViewInterval uses the same.</summary>
    public TimeSpan Resolution { get; init; } = TimeSpan.FromMinutes(15);
    public int MaxResults { get; init; } = 10;
    /// <summary>At most this many results on one local day (spreads proposals); null means no limit.</summary>
    public int? MaxPerDay { get; init; }
    /// <summary>Results never overlap each other.</summary>
    public bool NonOverlapping { get; init; } = true;

    public int InvitedCount => Required.Count + Optional.Count;

    /// <summary>Throws <see cref="SchedulingException"/> naming the first field that is wrong.</summary>
    public void Validate()
    {
        if (WindowEnd <= WindowStart)
        {
            throw new SchedulingException("window", new("Das Ende des Zeitraums muss nach dem Beginn liegen", "the window must end after it starts"));
        }
        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromHours(24))
        {
            throw new SchedulingException("duration", new("Die Dauer muss zwischen 1 Minute und 24 Stunden liegen", "the duration must be between 1 minute and 24 hours"));
        }
        if (Resolution < TimeSpan.FromMinutes(5) || Resolution > TimeSpan.FromMinutes(60) || TimeSpan.FromHours(1).Ticks % Resolution.Ticks != 0)
        {
            throw new SchedulingException("resolution", new("Die Rasterweite muss 5 bis 60 Minuten sein und eine Stunde teilen", "the resolution must be 5 to 60 minutes and divide an hour"));
        }
        if (Step < Resolution || Step.Ticks % Resolution.Ticks != 0)
        {
            throw new SchedulingException("step", new("Der Abstand der Startzeiten muss ein Vielfaches der Rasterweite sein", "the step must be a multiple of the resolution"));
        }
        if (BufferBefore < TimeSpan.Zero || BufferAfter < TimeSpan.Zero)
        {
            throw new SchedulingException("buffer", new("Puffer dürfen nicht negativ sein", "buffers must not be negative"));
        }
        if (EarliestTimeOfDay is { } earliest && LatestTimeOfDay is { } latest && latest <= earliest)
        {
            throw new SchedulingException("latestTimeOfDay", new("Die späteste Uhrzeit muss nach der frühesten liegen", "the latest time of day must be after the earliest"));
        }
        if (Quorum is < 0 or > 1 || double.IsNaN(Quorum))
        {
            throw new SchedulingException("quorum", new("Das Quorum muss zwischen 0 und 1 liegen", "the quorum must be between 0 and 1"));
        }
        if (Required.Count == 0 && Optional.Count == 0)
        {
            throw new SchedulingException("required", new("Mindestens eine Person muss eingeladen sein", "at least one person must be invited"));
        }
        if (MaxResults is < 1 or > 500)
        {
            throw new SchedulingException("maxResults", new("Es können 1 bis 500 Vorschläge angefordert werden", "between 1 and 500 results can be asked for"));
        }
        if (RoomRequired && Rooms.Count == 0)
        {
            throw new SchedulingException("rooms", new("Ein Raum ist verlangt, aber keiner angegeben", "a room is required but none was given"));
        }
    }
}

/// <summary>How one invited person stands at a slot.</summary>
public enum SlotAttendance
{
    Free,
    /// <summary>A tentative appointment overlaps: a soft conflict.</summary>
    Tentative,
    Busy,
    OutsideWorkingHours,
}

public sealed record SlotAttendee(string ScheduleId, bool IsRequired, SlotAttendance Attendance);

/// <summary>One proposed time, with the room chosen and how everyone stands. Higher score ranks first.</summary>
public sealed record SlotCandidate
{
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public MeetingRoom? Room { get; init; }
    public required int Score { get; init; }
    public required IReadOnlyList<SlotAttendee> Attendees { get; init; }

    public int FreeCount => Attendees.Count(a => a.Attendance == SlotAttendance.Free);
    public int TentativeCount => Attendees.Count(a => a.Attendance == SlotAttendance.Tentative);
    public int UnavailableCount => Attendees.Count(a => a.Attendance is SlotAttendance.Busy or SlotAttendance.OutsideWorkingHours);
}

public sealed record SlotSearchResult
{
    public required IReadOnlyList<SlotCandidate> Slots { get; init; }
    /// <summary>Mailboxes whose calendar could not be read; they were treated as free.</summary>
    public IReadOnlyList<string> UnreadableSchedules { get; init; } = [];
    /// <summary>How many start times met every hard rule before ranking.</summary>
    public int ValidStartCount { get; init; }
}
