using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling.Workshops;

public sealed record WorkshopRequest
{
    public required string Title { get; init; }
    public required string OrganizerId { get; init; }
    /// <summary>The process phase (Baustein) the workshop belongs to, for the tab's timeline; optional.</summary>
    public string? PhaseId { get; init; }
    /// <summary>Person, office or division ids who must come.</summary>
    public required IReadOnlyList<string> Required { get; init; }
    public IReadOnlyList<string> Optional { get; init; } = [];
    public bool NeedsRoom { get; init; }
    public int? MinimumCapacity { get; init; }
    public required TimeSpan Duration { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public TimeOnly? EarliestTimeOfDay { get; init; }
    public TimeOnly? LatestTimeOfDay { get; init; }
    public double Quorum { get; init; }
    public IReadOnlyList<DayOfWeek> PreferredDays { get; init; } = [];
    public TimeSpan BufferBefore { get; init; }
    public TimeSpan BufferAfter { get; init; }
}

/// <summary>A vote with its current counts, for the card and the tab.</summary>
public sealed record VoteState(SlotVote Vote, IReadOnlyList<OptionTally> Tallies, Workshop Workshop);

/// <summary>
/// Workshops: best slots for all participants (and a room that fits, or online), booking as one calendar event with a
/// Teams meeting, or a slot vote that books itself once every required participant said yes, or at the deadline takes
/// the best option. RSVPs are read back from the calendar.
/// </summary>
public sealed class WorkshopService(ICalendar calendar, IDirectory directory, IWorkshopStore store, SlotFinder finder, TimeProvider time)
{
    public const int MinVoteOptions = 3;
    public const int MaxVoteOptions = 5;

    public async Task<Workshop> CreateAsync(WorkshopRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            throw new SchedulingException("title", new("Titel fehlt oder ist länger als 200 Zeichen", "title is missing or longer than 200 characters"));
        }
        var organizer = await directory.FindPersonAsync(request.OrganizerId, cancellationToken)
            ?? throw new SchedulingException("organizerId", new("Die organisierende Person gibt es nicht", "the organizer does not exist"));
        var required = await ParticipantResolver.ResolveAsync(directory, request.Required, "required", cancellationToken);
        var requiredIds = required.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var optional = (await ParticipantResolver.ResolveAsync(directory, request.Optional, "optional", cancellationToken))
            .Where(p => !requiredIds.Contains(p.Id)).ToList();
        var now = time.GetUtcNow();
        var workshop = new Workshop
        {
            Id = Guid.NewGuid().ToString("N"),
            Title = request.Title.Trim(),
            OrganizerId = organizer.Id,
            OrganizerEmail = organizer.Email,
            PhaseId = string.IsNullOrWhiteSpace(request.PhaseId) ? null : request.PhaseId,
            Participants = required.Select(p => new WorkshopParticipant(p.Id, p.Email, p.DisplayName, true))
                .Concat(optional.Select(p => new WorkshopParticipant(p.Id, p.Email, p.DisplayName, false))).ToList(),
            NeedsRoom = request.NeedsRoom,
            MinimumCapacity = request.MinimumCapacity,
            Duration = request.Duration,
            WindowStart = request.WindowStart,
            WindowEnd = request.WindowEnd,
            EarliestTimeOfDay = request.EarliestTimeOfDay,
            LatestTimeOfDay = request.LatestTimeOfDay,
            Quorum = request.Quorum,
            PreferredDays = request.PreferredDays,
            BufferBefore = request.BufferBefore,
            BufferAfter = request.BufferAfter,
            Status = WorkshopStatus.Planning,
            CreatedAt = now,
        };
        // The search carries every rule; validating it here rejects a bad workshop before anything is stored.
        SearchFor(workshop, workshop.WindowStart, workshop.WindowEnd, [new MeetingRoom("validation@room", "validation", int.MaxValue)], 5).Validate();
        await store.CreateWorkshopAsync(workshop, cancellationToken);
        return workshop;
    }

    public async Task<SlotSearchResult> FindSlotsAsync(string workshopId, int maxResults, CancellationToken cancellationToken)
    {
        var workshop = await GetAsync(workshopId, cancellationToken);
        var start = Later(workshop.WindowStart, time.GetUtcNow());
        return await FindAsync(workshop, start, workshop.WindowEnd, maxResults, cancellationToken);
    }

    /// <summary>Books the workshop at a start time the organizer picked (from the found slots).</summary>
    public async Task<Workshop> BookAsync(string workshopId, DateTimeOffset start, string? roomEmail, CancellationToken cancellationToken)
    {
        var workshop = await GetAsync(workshopId, cancellationToken);
        if (workshop.Status is not (WorkshopStatus.Planning or WorkshopStatus.Voting))
        {
            throw new SchedulingException("status", new("Der Workshop ist bereits gebucht oder abgesagt", "the workshop is already booked or cancelled"));
        }
        if (start < workshop.WindowStart || start + workshop.Duration > workshop.WindowEnd)
        {
            throw new SchedulingException("start", new("Der Termin liegt außerhalb des Zeitraums", "the time is outside the window"));
        }
        var room = await RoomForAsync(workshop, start, roomEmail, cancellationToken);
        return await BookInternalAsync(workshop, workshop.Status, start, room, cancellationToken);
    }

    public async Task<SlotVote> StartVoteAsync(string workshopId, IReadOnlyList<DateTimeOffset>? starts, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var workshop = await GetAsync(workshopId, cancellationToken);
        if (workshop.Status != WorkshopStatus.Planning)
        {
            throw new SchedulingException("status", new("Für diesen Workshop läuft schon eine Abstimmung oder er ist gebucht", "this workshop already has a vote or is booked"));
        }
        var now = time.GetUtcNow();
        List<VoteOption> options;
        if (starts is null)
        {
            var found = await FindAsync(workshop, Later(workshop.WindowStart, deadline), workshop.WindowEnd, MaxVoteOptions, cancellationToken);
            options = found.Slots.Select((s, i) => new VoteOption(i, s.Start, s.End, s.Room?.Email)).ToList();
        }
        else
        {
            if (starts.Count is < MinVoteOptions or > MaxVoteOptions || starts.Distinct().Count() != starts.Count)
            {
                throw new SchedulingException("options", new("Eine Abstimmung braucht 3 bis 5 verschiedene Termine", "a vote needs 3 to 5 different times"));
            }
            options = [];
            foreach (var start in starts.Order())
            {
                if (start < workshop.WindowStart || start + workshop.Duration > workshop.WindowEnd)
                {
                    throw new SchedulingException("options", new("Ein Termin liegt außerhalb des Zeitraums", "a time is outside the window"));
                }
                var room = await RoomForAsync(workshop, start, null, cancellationToken);
                options.Add(new VoteOption(options.Count, start, start + workshop.Duration, room?.Email));
            }
        }
        if (options.Count < MinVoteOptions)
        {
            throw new SchedulingException("options", new("Zu wenige freie Termine für eine Abstimmung (mindestens 3)", "too few free times for a vote (at least 3)"));
        }
        if (deadline <= now || deadline > options.Min(o => o.Start))
        {
            throw new SchedulingException("deadline", new("Die Frist muss in der Zukunft und vor dem ersten Termin liegen", "the deadline must be in the future and before the first option"));
        }
        var vote = new SlotVote
        {
            Id = Guid.NewGuid().ToString("N"),
            WorkshopId = workshop.Id,
            Options = options,
            Deadline = deadline,
            Status = SlotVoteStatus.Open,
            CreatedAt = now,
        };
        if (!await store.TryStartVoteAsync(vote, cancellationToken))
        {
            throw new SchedulingException("status", new("Für diesen Workshop läuft schon eine Abstimmung oder er ist gebucht", "this workshop already has a vote or is booked"));
        }
        return vote;
    }

    /// <summary>Records a participant's answers; books the workshop at once when every required participant said yes to an option.</summary>
    public async Task<VoteState> CastBallotAsync(string voteId, string personId, IReadOnlyDictionary<int, VoteAnswer> answers, CancellationToken cancellationToken)
    {
        var vote = await store.GetVoteAsync(voteId, cancellationToken)
            ?? throw new SchedulingException("voteId", new("Diese Abstimmung gibt es nicht", "this vote does not exist"));
        var workshop = await GetAsync(vote.WorkshopId, cancellationToken);
        if (vote.Status != SlotVoteStatus.Open || vote.Deadline <= time.GetUtcNow())
        {
            throw new SchedulingException("status", new("Die Abstimmung ist beendet", "the vote has ended"));
        }
        if (!workshop.Participants.Any(p => p.PersonId == personId))
        {
            throw new SchedulingException("personId", new("Nur Eingeladene können abstimmen", "only invited people can vote"));
        }
        if (answers.Count == 0 || answers.Keys.Any(k => k < 0 || k >= vote.Options.Count))
        {
            throw new SchedulingException("answers", new("Die Antworten passen nicht zu den Terminen der Abstimmung", "the answers do not match the vote's options"));
        }
        await store.SaveBallotAsync(new Ballot(voteId, personId, answers, time.GetUtcNow()), cancellationToken);
        var tallies = Tally(vote, workshop, await store.ListBallotsAsync(voteId, cancellationToken));
        var unanimous = tallies.Where(t => t.RequiredCount > 0 ? t.RequiredYes == t.RequiredCount : t.Yes == workshop.Participants.Count)
            .OrderByDescending(t => t.Yes).ThenByDescending(t => t.Maybe).ThenBy(t => t.Option.Index).FirstOrDefault();
        if (unanimous is not null && await store.TryDecideVoteAsync(voteId, unanimous.Option.Index, time.GetUtcNow(), cancellationToken))
        {
            var room = await RoomOfOptionAsync(unanimous.Option, cancellationToken);
            workshop = await BookInternalAsync(workshop, WorkshopStatus.Voting, unanimous.Option.Start, room, cancellationToken);
        }
        return new VoteState((await store.GetVoteAsync(voteId, cancellationToken))!, tallies, workshop);
    }

    /// <summary>Closes votes past their deadline with the best option (fewest required "no", most required "yes", most
    /// "yes", most "maybe", then the earliest), and retries bookings a failure left undone. Returns how many were booked.</summary>
    public async Task<int> SettleDueVotesAsync(CancellationToken cancellationToken)
    {
        var booked = 0;
        foreach (var vote in await store.ListVotesToSettleAsync(time.GetUtcNow(), cancellationToken))
        {
            var workshop = await GetAsync(vote.WorkshopId, cancellationToken);
            var option = vote.DecidedOption;
            if (vote.Status == SlotVoteStatus.Open)
            {
                var best = Tally(vote, workshop, await store.ListBallotsAsync(vote.Id, cancellationToken))
                    .OrderBy(t => t.RequiredNo).ThenByDescending(t => t.RequiredYes).ThenByDescending(t => t.Yes)
                    .ThenByDescending(t => t.Maybe).ThenBy(t => t.Option.Index).First();
                if (!await store.TryDecideVoteAsync(vote.Id, best.Option.Index, time.GetUtcNow(), cancellationToken))
                {
                    continue;
                }
                option = best.Option.Index;
            }
            if (option is { } index && workshop.Status == WorkshopStatus.Voting)
            {
                var chosen = vote.Options[index];
                await BookInternalAsync(workshop, WorkshopStatus.Voting, chosen.Start, await RoomOfOptionAsync(chosen, cancellationToken), cancellationToken);
                booked++;
            }
        }
        return booked;
    }

    public async Task<VoteState> GetVoteStateAsync(string voteId, CancellationToken cancellationToken)
    {
        var vote = await store.GetVoteAsync(voteId, cancellationToken)
            ?? throw new SchedulingException("voteId", new("Diese Abstimmung gibt es nicht", "this vote does not exist"));
        var workshop = await GetAsync(vote.WorkshopId, cancellationToken);
        return new VoteState(vote, Tally(vote, workshop, await store.ListBallotsAsync(voteId, cancellationToken)), workshop);
    }

    /// <summary>The booked event with each attendee's response (accepted, tentative, declined, none).</summary>
    public async Task<CalendarEvent?> GetRsvpAsync(string workshopId, CancellationToken cancellationToken)
    {
        var workshop = await GetAsync(workshopId, cancellationToken);
        return workshop.EventId is { } eventId ? await calendar.GetEventAsync(workshop.OrganizerEmail, eventId, cancellationToken) : null;
    }

    public async Task<Workshop> CancelAsync(string workshopId, string? comment, CancellationToken cancellationToken)
    {
        var workshop = await GetAsync(workshopId, cancellationToken);
        if (workshop.Status is WorkshopStatus.Cancelled or WorkshopStatus.Booking)
        {
            throw new SchedulingException("status", new("Der Workshop kann gerade nicht abgesagt werden", "the workshop cannot be cancelled right now"));
        }
        if (workshop.EventId is { } eventId)
        {
            await calendar.CancelEventAsync(workshop.OrganizerEmail, eventId, comment, cancellationToken);
        }
        await store.TryMoveAsync(workshop.Id, workshop.Status, WorkshopStatus.Cancelled, time.GetUtcNow(), cancellationToken);
        return await GetAsync(workshopId, cancellationToken);
    }

    public async Task<Workshop> GetAsync(string workshopId, CancellationToken cancellationToken) =>
        await store.GetWorkshopAsync(workshopId, cancellationToken)
        ?? throw new SchedulingException("workshopId", new("Diesen Workshop gibt es nicht", "this workshop does not exist"));

    private async Task<Workshop> BookInternalAsync(Workshop workshop, WorkshopStatus from, DateTimeOffset start, MeetingRoom? room, CancellationToken cancellationToken)
    {
        if (!await store.TryMoveAsync(workshop.Id, from, WorkshopStatus.Booking, time.GetUtcNow(), cancellationToken))
        {
            throw new SchedulingException("status", new("Der Workshop wird gerade gebucht oder ist schon gebucht", "the workshop is being booked or is booked already"));
        }
        CalendarEvent created;
        try
        {
            created = await calendar.CreateEventAsync(new NewCalendarEvent
            {
                OrganizerEmail = workshop.OrganizerEmail,
                Subject = workshop.Title,
                Start = start,
                End = start + workshop.Duration,
                Attendees = workshop.Participants
                    .Where(p => !string.Equals(p.Email, workshop.OrganizerEmail, StringComparison.OrdinalIgnoreCase))
                    .Select(p => new EventAttendee(p.Email, p.DisplayName, p.IsRequired ? AttendeeKind.Required : AttendeeKind.Optional)).ToList(),
                Room = room,
                IsOnlineMeeting = true,
                // One event per workshop: a retry after a failure returns the event already created.
                TransactionId = workshop.Id,
            }, cancellationToken);
        }
        catch
        {
            await store.TryMoveAsync(workshop.Id, WorkshopStatus.Booking, from, time.GetUtcNow(), CancellationToken.None);
            throw;
        }
        await store.CompleteBookingAsync(workshop.Id, created.Start, created.End, room?.Email, created.Id, time.GetUtcNow(), cancellationToken);
        return await GetAsync(workshop.Id, cancellationToken);
    }

    private async Task<SlotSearchResult> FindAsync(Workshop workshop, DateTimeOffset start, DateTimeOffset end, int maxResults, CancellationToken cancellationToken)
    {
        if (end <= start)
        {
            return new SlotSearchResult { Slots = [] };
        }
        var rooms = workshop.NeedsRoom ? await calendar.ListRoomsAsync(cancellationToken) : [];
        var ids = workshop.Participants.Select(p => p.Email).Concat(rooms.Select(r => r.Email)).ToList();
        var snapshot = await calendar.GetSchedulesAsync(ids, start, end, SlotKeys.Cell, cancellationToken);
        return finder.Find(SearchFor(workshop, start, end, rooms, maxResults), snapshot);
    }

    private static SlotSearch SearchFor(Workshop workshop, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<MeetingRoom> rooms, int maxResults) => new()
    {
        WindowStart = start,
        WindowEnd = end,
        Duration = workshop.Duration,
        Required = workshop.Participants.Where(p => p.IsRequired).Select(p => p.Email).ToList(),
        Optional = workshop.Participants.Where(p => !p.IsRequired).Select(p => p.Email).ToList(),
        Rooms = workshop.NeedsRoom ? rooms : [],
        RoomRequired = workshop.NeedsRoom,
        MinimumCapacity = workshop.MinimumCapacity,
        EarliestTimeOfDay = workshop.EarliestTimeOfDay,
        LatestTimeOfDay = workshop.LatestTimeOfDay,
        Quorum = workshop.Quorum,
        PreferredDays = workshop.PreferredDays.ToHashSet(),
        BufferBefore = workshop.BufferBefore,
        BufferAfter = workshop.BufferAfter,
        MaxResults = Math.Clamp(maxResults, 1, 50),
        MaxPerDay = 1,
    };

    /// <summary>The room for a fixed start: the one asked for, or the smallest fitting room free then.</summary>
    private async Task<MeetingRoom?> RoomForAsync(Workshop workshop, DateTimeOffset start, string? roomEmail, CancellationToken cancellationToken)
    {
        if (!workshop.NeedsRoom)
        {
            return null;
        }
        var rooms = await calendar.ListRoomsAsync(cancellationToken);
        if (roomEmail is not null)
        {
            return rooms.FirstOrDefault(r => string.Equals(r.Email, roomEmail, StringComparison.OrdinalIgnoreCase))
                ?? throw new SchedulingException("roomEmail", new($"Raum '{roomEmail}' gibt es nicht", $"room '{roomEmail}' does not exist"));
        }
        var from = start - workshop.BufferBefore;
        var to = start + workshop.Duration + workshop.BufferAfter;
        var snapshot = await calendar.GetSchedulesAsync(rooms.Select(r => r.Email).ToList(), from, to, SlotKeys.Cell, cancellationToken);
        return SlotFinder.PickRoom(rooms, snapshot, from, to, workshop.MinimumCapacity ?? workshop.Participants.Count)
            ?? throw new SchedulingException("roomEmail", new("Zu diesem Termin ist kein passender Raum frei", "no fitting room is free at that time"));
    }

    private async Task<MeetingRoom?> RoomOfOptionAsync(VoteOption option, CancellationToken cancellationToken)
    {
        if (option.RoomEmail is null)
        {
            return null;
        }
        var rooms = await calendar.ListRoomsAsync(cancellationToken);
        return rooms.FirstOrDefault(r => string.Equals(r.Email, option.RoomEmail, StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<OptionTally> Tally(SlotVote vote, Workshop workshop, IReadOnlyList<Ballot> ballots)
    {
        var required = workshop.Participants.Where(p => p.IsRequired).Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        return vote.Options.Select(option =>
        {
            int yes = 0, maybe = 0, no = 0, requiredYes = 0, requiredNo = 0;
            foreach (var ballot in ballots)
            {
                if (!ballot.Answers.TryGetValue(option.Index, out var answer))
                {
                    continue;
                }
                var isRequired = required.Contains(ballot.PersonId);
                switch (answer)
                {
                    case VoteAnswer.Yes:
                        yes++;
                        requiredYes += isRequired ? 1 : 0;
                        break;
                    case VoteAnswer.Maybe:
                        maybe++;
                        break;
                    default:
                        no++;
                        requiredNo += isRequired ? 1 : 0;
                        break;
                }
            }
            return new OptionTally(option, yes, maybe, no, requiredYes, requiredNo, required.Count);
        }).ToList();
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
