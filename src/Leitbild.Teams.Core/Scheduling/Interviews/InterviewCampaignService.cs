using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling.Interviews;

public sealed record InterviewCampaignRequest
{
    public required string Title { get; init; }
    public required string OrganizerId { get; init; }
    /// <summary>The process phase (Baustein) the interviews belong to, for the tab's timeline; optional.</summary>
    public string? PhaseId { get; init; }
    /// <summary>Person ids of the interviewers (consultants or planning staff).</summary>
    public required IReadOnlyList<string> InterviewerIds { get; init; }
    /// <summary>Person ids, office ids or division ids.</summary>
    public required IReadOnlyList<string> Interviewees { get; init; }
    public InterviewerMode Mode { get; init; } = InterviewerMode.AnyOne;
    public required TimeSpan Duration { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public string? RoomEmail { get; init; }
    public TimeSpan BufferAfter { get; init; }
    public TimeOnly? EarliestTimeOfDay { get; init; }
    public TimeOnly? LatestTimeOfDay { get; init; }
    public int ProposalsPerInterviewee { get; init; } = 3;
}

public sealed record InterviewWithProposals(Interview Interview, IReadOnlyList<InterviewProposal> Proposals);

public sealed record CampaignOverview(InterviewCampaign Campaign, IReadOnlyList<InterviewWithProposals> Interviews);

public enum BookingOutcome
{
    Booked,
    SlotTaken,
    AlreadyBooking,
    ProposalNotOpen,
    NotFound,
    /// <summary>The person clicking is not the interviewee.</summary>
    NotAllowed,
    /// <summary>Someone's calendar filled up since the proposal was made (outside this app).</summary>
    NoLongerFree,
}

/// <summary>An open proposal and whether its slot is still free (nobody else has booked a slot that overlaps it).</summary>
public sealed record ProposalAvailability(InterviewProposal Proposal, bool Available);

/// <summary>One interview as its interviewee sees it: the campaign, the state, and the proposals still open.</summary>
public sealed record PersonalInterview(InterviewCampaign Campaign, Interview Interview, IReadOnlyList<ProposalAvailability> OpenProposals);

public sealed record BookingResult(BookingOutcome Outcome, Interview? Interview = null, CalendarEvent? Event = null);

/// <summary>One row of the organizers' status view.</summary>
public sealed record InterviewStatusRow
{
    public required string InterviewId { get; init; }
    public required string IntervieweeId { get; init; }
    public required string IntervieweeName { get; init; }
    public required InterviewStatus Status { get; init; }
    public InterviewSlot? Booked { get; init; }
    public string? EventId { get; init; }
    public required int OpenProposals { get; init; }
}

/// <summary>
/// Interview campaigns: proposals per interviewee from free/busy, booking under a claim (one winner per interviewer
/// slot), calendar events with a Teams meeting, rescheduling and cancelling, and the organizers' status view.
/// </summary>
public sealed class InterviewCampaignService(ICalendar calendar, IDirectory directory, IInterviewStore store, SlotFinder finder, TimeProvider time)
{
    public const int MaxProposals = 3;
    private const int CandidatesPerInterviewer = 40;

    public async Task<CampaignOverview> StartCampaignAsync(InterviewCampaignRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var interviewers = new List<Person>();
        foreach (var id in request.InterviewerIds.Distinct(StringComparer.Ordinal))
        {
            interviewers.Add(await directory.FindPersonAsync(id, cancellationToken)
                ?? throw new SchedulingException("interviewerIds", new($"Interviewer '{id}' gibt es nicht", $"interviewer '{id}' does not exist")));
        }
        var interviewerIds = interviewers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var interviewees = (await ParticipantResolver.ResolveAsync(directory, request.Interviewees, "interviewees", cancellationToken))
            .Where(p => !interviewerIds.Contains(p.Id)).ToList();
        if (interviewees.Count == 0)
        {
            throw new SchedulingException("interviewees", new("Niemand zu interviewen (nur Interviewer ausgewählt)", "nobody to interview (only interviewers selected)"));
        }
        var room = await FindRoomAsync(request.RoomEmail, cancellationToken);

        var now = time.GetUtcNow();
        var campaign = new InterviewCampaign
        {
            Id = NewId(),
            Title = request.Title.Trim(),
            OrganizerId = request.OrganizerId,
            PhaseId = string.IsNullOrWhiteSpace(request.PhaseId) ? null : request.PhaseId,
            InterviewerEmails = interviewers.Select(p => p.Email).ToList(),
            Mode = request.Mode,
            Duration = request.Duration,
            WindowStart = request.WindowStart > now ? request.WindowStart : now,
            WindowEnd = request.WindowEnd,
            RoomEmail = room?.Email,
            BufferAfter = request.BufferAfter,
            CreatedAt = now,
        };
        var schedules = campaign.InterviewerEmails.Concat(interviewees.Select(p => p.Email));
        if (room is not null)
        {
            schedules = schedules.Append(room.Email);
        }
        var snapshot = await calendar.GetSchedulesAsync(schedules.ToList(), campaign.WindowStart, campaign.WindowEnd, SlotKeys.Cell, cancellationToken);

        var usage = new Dictionary<SlotKey, int>();
        var interviews = new List<Interview>();
        var proposals = new List<InterviewProposal>();
        var count = Math.Clamp(request.ProposalsPerInterviewee, 1, MaxProposals);
        foreach (var interviewee in interviewees)
        {
            var interviewId = NewId();
            var chosen = ChooseProposals(campaign, interviewee.Email, snapshot, room, request, usage, count, exclude: null);
            interviews.Add(new Interview
            {
                Id = interviewId,
                CampaignId = campaign.Id,
                IntervieweeId = interviewee.Id,
                IntervieweeEmail = interviewee.Email,
                Status = chosen.Count == 0 ? InterviewStatus.NoSlots : InterviewStatus.Proposed,
                UpdatedAt = now,
            });
            proposals.AddRange(chosen.Select((c, i) => ToProposal(interviewId, c, i + 1)));
        }
        await store.CreateCampaignAsync(campaign, interviews, proposals, cancellationToken);
        var byInterview = proposals.ToLookup(p => p.InterviewId);
        return new CampaignOverview(campaign, interviews.Select(i => new InterviewWithProposals(i, byInterview[i.Id].ToList())).ToList());
    }

    /// <summary>Books a proposal: claims the slot (one winner), writes the event (or moves it when rescheduling),
    /// then confirms. If the calendar write fails the claim is given back and the error is rethrown.</summary>
    public async Task<BookingResult> BookAsync(string proposalId, string? actingPersonId, CancellationToken cancellationToken)
    {
        var proposal = await store.GetProposalAsync(proposalId, cancellationToken);
        var interview = proposal is null ? null : await store.GetInterviewAsync(proposal.InterviewId, cancellationToken);
        var campaign = interview is null ? null : await store.GetCampaignAsync(interview.CampaignId, cancellationToken);
        if (proposal is null || interview is null || campaign is null)
        {
            return new BookingResult(BookingOutcome.NotFound);
        }
        if (actingPersonId is not null && actingPersonId != interview.IntervieweeId)
        {
            return new BookingResult(BookingOutcome.NotAllowed, interview);
        }
        var newKeys = KeysOf(proposal.InterviewerEmails, proposal.RoomEmail, proposal.Start, proposal.End, campaign.BufferAfter);
        var oldKeys = interview.Booked is { } booked ? KeysOf(booked.InterviewerEmails, booked.RoomEmail, booked.Start, booked.End, campaign.BufferAfter) : [];
        var outcome = await store.TryClaimAsync(new SlotClaim(interview.Id, proposal.Id, newKeys, time.GetUtcNow()), cancellationToken);
        if (outcome != ClaimOutcome.Claimed)
        {
            return new BookingResult(outcome switch
            {
                ClaimOutcome.SlotTaken => BookingOutcome.SlotTaken,
                ClaimOutcome.AlreadyBooking => BookingOutcome.AlreadyBooking,
                ClaimOutcome.NotFound => BookingOutcome.NotFound,
                _ => BookingOutcome.ProposalNotOpen,
            }, interview);
        }
        // Checked while holding the claim, so parallel clicks are sorted out by the claim and this sees only changes
        // made outside the app.
        if (!await StillFreeAsync(interview, proposal, campaign, cancellationToken))
        {
            await store.AbandonClaimAsync(interview.Id, proposal.Id, newKeys.Except(oldKeys).ToList(), cancellationToken);
            return new BookingResult(BookingOutcome.NoLongerFree, interview);
        }
        return await WriteAndConfirmAsync(campaign, interview, proposal, newKeys, oldKeys, cancellationToken);
    }

    /// <summary>Proposals can be days old: one getSchedule call checks that nobody's calendar got a hard conflict since.
    /// The interview's own booked event does not count (rescheduling may overlap it).</summary>
    private async Task<bool> StillFreeAsync(Interview interview, InterviewProposal proposal, InterviewCampaign campaign, CancellationToken cancellationToken)
    {
        var mailboxes = proposal.InterviewerEmails.Append(interview.IntervieweeEmail).ToList();
        if (proposal.RoomEmail is { } room)
        {
            mailboxes.Add(room);
        }
        var end = proposal.End + campaign.BufferAfter;
        var snapshot = await calendar.GetSchedulesAsync(mailboxes, proposal.Start, end, SlotKeys.Cell, cancellationToken);
        return mailboxes.All(m => !snapshot.For(m).Blocks.Any(b =>
            b.Status is FreeBusyStatus.Busy or FreeBusyStatus.OutOfOffice
            && b.Start < end && proposal.Start < b.End
            && !(interview.Booked is { } own && b.Start == own.Start && b.End == own.End)));
    }

    /// <summary>Finishes bookings a crash left half done: the event write is repeated (idempotent by transaction id).</summary>
    public async Task<int> CompletePendingBookingsAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var interview in await store.ListPendingBookingsAsync(cancellationToken))
        {
            if (interview.PendingProposalId is not { } proposalId
                || await store.GetProposalAsync(proposalId, cancellationToken) is not { } proposal
                || await store.GetCampaignAsync(interview.CampaignId, cancellationToken) is not { } campaign)
            {
                continue;
            }
            var newKeys = KeysOf(proposal.InterviewerEmails, proposal.RoomEmail, proposal.Start, proposal.End, campaign.BufferAfter);
            var oldKeys = interview.Booked is { } booked ? KeysOf(booked.InterviewerEmails, booked.RoomEmail, booked.Start, booked.End, campaign.BufferAfter) : [];
            await WriteAndConfirmAsync(campaign, interview, proposal, newKeys, oldKeys, cancellationToken);
            done++;
        }
        return done;
    }

    /// <summary>Cancels an interview; a booked one also loses its calendar event (attendees are told).</summary>
    public async Task<Interview?> CancelAsync(string interviewId, string? comment, CancellationToken cancellationToken)
    {
        var interview = await store.GetInterviewAsync(interviewId, cancellationToken);
        if (interview is null)
        {
            return null;
        }
        if (interview.Status == InterviewStatus.Booking)
        {
            throw new SchedulingException("status", new("Das Interview wird gerade gebucht; bitte gleich noch einmal versuchen", "the interview is being booked right now; try again in a moment"));
        }
        if (interview.EventId is { } eventId && interview.OrganizerEmail is { } organizer)
        {
            await calendar.CancelEventAsync(organizer, eventId, comment, cancellationToken);
        }
        await store.CancelAsync(interviewId, time.GetUtcNow(), cancellationToken);
        return await store.GetInterviewAsync(interviewId, cancellationToken);
    }

    /// <summary>New proposals for an interview (from fresh free/busy), replacing the open ones. A booked slot stays
    /// booked until the interviewee picks a new one; then the event moves.</summary>
    public async Task<IReadOnlyList<InterviewProposal>> RescheduleAsync(string interviewId, CancellationToken cancellationToken)
    {
        var interview = await store.GetInterviewAsync(interviewId, cancellationToken)
            ?? throw new SchedulingException("interviewId", new("Dieses Interview gibt es nicht", "this interview does not exist"));
        if (interview.Status is InterviewStatus.Cancelled or InterviewStatus.Booking)
        {
            throw new SchedulingException("status", new("Dieses Interview kann gerade nicht verschoben werden", "this interview cannot be rescheduled right now"));
        }
        var campaign = await store.GetCampaignAsync(interview.CampaignId, cancellationToken)
            ?? throw new SchedulingException("campaignId", new("Die Kampagne gibt es nicht mehr", "the campaign no longer exists"));
        var now = time.GetUtcNow();
        var start = campaign.WindowStart > now ? campaign.WindowStart : now;
        if (start >= campaign.WindowEnd)
        {
            throw new SchedulingException("window", new("Der Zeitraum der Kampagne ist vorbei", "the campaign's window is over"));
        }
        var room = await FindRoomAsync(campaign.RoomEmail, cancellationToken);
        var schedules = campaign.InterviewerEmails.Append(interview.IntervieweeEmail).ToList();
        if (room is not null)
        {
            schedules.Add(room.Email);
        }
        var snapshot = await calendar.GetSchedulesAsync(schedules, start, campaign.WindowEnd, SlotKeys.Cell, cancellationToken);
        var request = new InterviewCampaignRequest
        {
            Title = campaign.Title,
            OrganizerId = campaign.OrganizerId,
            InterviewerIds = [],
            Interviewees = [],
            Mode = campaign.Mode,
            Duration = campaign.Duration,
            WindowStart = start,
            WindowEnd = campaign.WindowEnd,
            BufferAfter = campaign.BufferAfter,
        };
        var current = interview.Booked;
        var chosen = ChooseProposals(campaign with { WindowStart = start }, interview.IntervieweeEmail, snapshot, room, request, [], MaxProposals, current);
        var proposals = chosen.Select((c, i) => ToProposal(interview.Id, c, i + 1)).ToList();
        await store.ReplaceOpenProposalsAsync(interview.Id, proposals, now, cancellationToken);
        return proposals;
    }

    public async Task<IReadOnlyList<InterviewStatusRow>> GetStatusAsync(string campaignId, CancellationToken cancellationToken)
    {
        var rows = new List<InterviewStatusRow>();
        foreach (var interview in await store.ListInterviewsAsync(campaignId, cancellationToken))
        {
            var person = await directory.FindPersonAsync(interview.IntervieweeId, cancellationToken);
            var proposals = await store.ListProposalsAsync(interview.Id, cancellationToken);
            rows.Add(new InterviewStatusRow
            {
                InterviewId = interview.Id,
                IntervieweeId = interview.IntervieweeId,
                IntervieweeName = person?.DisplayName ?? interview.IntervieweeEmail,
                Status = interview.Status,
                Booked = interview.Booked,
                EventId = interview.EventId,
                OpenProposals = proposals.Count(p => p.Status == ProposalStatus.Open),
            });
        }
        return rows;
    }

    /// <summary>The interview's open proposals, each marked whether someone else has taken its slot meanwhile.</summary>
    public async Task<IReadOnlyList<(InterviewProposal Proposal, bool Available)>> OpenProposalsAsync(string interviewId, CancellationToken cancellationToken)
    {
        var interview = await store.GetInterviewAsync(interviewId, cancellationToken);
        var campaign = interview is null ? null : await store.GetCampaignAsync(interview.CampaignId, cancellationToken);
        if (interview is null || campaign is null)
        {
            return [];
        }
        var open = (await store.ListProposalsAsync(interviewId, cancellationToken)).Where(p => p.Status == ProposalStatus.Open).ToList();
        var keys = open.ToDictionary(p => p.Id, p => KeysOf(p.InterviewerEmails, p.RoomEmail, p.Start, p.End, campaign.BufferAfter));
        var owners = await store.GetClaimOwnersAsync(keys.Values.SelectMany(k => k).Distinct().ToList(), cancellationToken);
        return open.Select(p => (p, keys[p.Id].All(k => !owners.TryGetValue(k, out var owner) || owner == interviewId))).ToList();
    }

    /// <summary>A person's own interviews (Mein Leitbild): every campaign that invited them, with the proposals still open.</summary>
    public async Task<IReadOnlyList<PersonalInterview>> ForPersonAsync(string personId, CancellationToken cancellationToken)
    {
        var result = new List<PersonalInterview>();
        foreach (var interview in await store.ListInterviewsOfPersonAsync(personId, cancellationToken))
        {
            if (await store.GetCampaignAsync(interview.CampaignId, cancellationToken) is not { } campaign)
            {
                continue;
            }
            var open = interview.Status is InterviewStatus.Proposed or InterviewStatus.Booked
                ? (await OpenProposalsAsync(interview.Id, cancellationToken)).Select(p => new ProposalAvailability(p.Proposal, p.Available)).ToList()
                : [];
            result.Add(new PersonalInterview(campaign, interview, open));
        }
        return result;
    }

    /// <summary>The attendees' responses to a booked interview, read back from the calendar.</summary>
    public async Task<CalendarEvent?> GetEventAsync(string interviewId, CancellationToken cancellationToken)
    {
        var interview = await store.GetInterviewAsync(interviewId, cancellationToken);
        return interview?.EventId is { } eventId && interview.OrganizerEmail is { } organizer
            ? await calendar.GetEventAsync(organizer, eventId, cancellationToken)
            : null;
    }

    private async Task<BookingResult> WriteAndConfirmAsync(InterviewCampaign campaign, Interview interview, InterviewProposal proposal,
        IReadOnlyList<SlotKey> newKeys, IReadOnlyList<SlotKey> oldKeys, CancellationToken cancellationToken)
    {
        CalendarEvent written;
        try
        {
            written = await WriteEventAsync(campaign, interview, proposal, cancellationToken);
        }
        catch
        {
            // Give the slot back so the interviewee (or someone else) can pick it again; the caller reports the failure.
            await store.AbandonClaimAsync(interview.Id, proposal.Id, newKeys.Except(oldKeys).ToList(), CancellationToken.None);
            throw;
        }
        await store.ConfirmBookingAsync(interview.Id, proposal.Id, written.Id, written.OrganizerEmail, oldKeys.Except(newKeys).ToList(), cancellationToken);
        return new BookingResult(BookingOutcome.Booked, await store.GetInterviewAsync(interview.Id, cancellationToken), written);
    }

    private async Task<CalendarEvent> WriteEventAsync(InterviewCampaign campaign, Interview interview, InterviewProposal proposal, CancellationToken cancellationToken)
    {
        var organizer = proposal.InterviewerEmails[0];
        var room = await FindRoomAsync(proposal.RoomEmail, cancellationToken);
        if (interview.EventId is { } existing && string.Equals(interview.OrganizerEmail, organizer, StringComparison.OrdinalIgnoreCase))
        {
            return await calendar.UpdateEventAsync(organizer, existing, new EventChange { Start = proposal.Start, End = proposal.End, Room = room }, cancellationToken);
        }
        var attendees = proposal.InterviewerEmails.Skip(1).Append(interview.IntervieweeEmail)
            .Select(email => new EventAttendee(email, null, AttendeeKind.Required)).ToList();
        var created = await calendar.CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = organizer,
            Subject = campaign.Title,
            Start = proposal.Start,
            End = proposal.End,
            Attendees = attendees,
            Room = room,
            IsOnlineMeeting = true,
            TransactionId = proposal.Id,
        }, cancellationToken);
        if (interview.EventId is { } previous && interview.OrganizerEmail is { } previousOrganizer)
        {
            // Rescheduled to another interviewer: the event moves to the new organizer's calendar.
            await calendar.CancelEventAsync(previousOrganizer, previous, null, cancellationToken);
        }
        return created;
    }

    private List<SlotCandidate> ChooseProposals(InterviewCampaign campaign, string intervieweeEmail, FreeBusySnapshot snapshot, MeetingRoom? room,
        InterviewCampaignRequest request, Dictionary<SlotKey, int> usage, int count, InterviewSlot? exclude)
    {
        var groups = campaign.Mode == InterviewerMode.All
            ? [campaign.InterviewerEmails]
            : campaign.InterviewerEmails.Select(e => (IReadOnlyList<string>)[e]).ToList();
        var candidates = new List<(SlotCandidate Slot, IReadOnlyList<string> Interviewers, int Order, IReadOnlyList<SlotKey> Keys)>();
        var order = 0;
        foreach (var group in groups)
        {
            var result = finder.Find(new SlotSearch
            {
                WindowStart = campaign.WindowStart,
                WindowEnd = campaign.WindowEnd,
                Duration = campaign.Duration,
                Required = [.. group, intervieweeEmail],
                Rooms = room is null ? [] : [room],
                RoomRequired = room is not null,
                MinimumCapacity = room is null ? null : 1,
                BufferAfter = campaign.BufferAfter,
                EarliestTimeOfDay = request.EarliestTimeOfDay,
                LatestTimeOfDay = request.LatestTimeOfDay,
                MaxResults = CandidatesPerInterviewer,
                MaxPerDay = 2,
            }, snapshot);
            foreach (var slot in result.Slots)
            {
                if (exclude is not null && slot.Start == exclude.Start && group.SequenceEqual(exclude.InterviewerEmails, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                candidates.Add((slot, group, order++, KeysOf(group, slot.Room?.Email, slot.Start, slot.End, campaign.BufferAfter)));
            }
        }
        // Prefer slots nobody else was offered yet, so parallel interviewees rarely compete; then the finder's rank.
        var ordered = candidates
            .Select(c => (c.Slot, c.Interviewers, c.Order, c.Keys, Reuse: c.Keys.Sum(k => usage.GetValueOrDefault(k))))
            .OrderBy(c => c.Reuse).ThenByDescending(c => c.Slot.Score).ThenBy(c => c.Slot.Start).ThenBy(c => c.Order)
            .ToList();
        var chosen = new List<(SlotCandidate Slot, IReadOnlyList<string> Interviewers, IReadOnlyList<SlotKey> Keys)>();
        foreach (var distinctDays in new[] { true, false })
        {
            foreach (var c in ordered)
            {
                if (chosen.Count == count)
                {
                    break;
                }
                var day = BerlinTime.LocalDate(c.Slot.Start);
                if (chosen.Exists(x => x.Slot.Start < c.Slot.End && c.Slot.Start < x.Slot.End)
                    || (distinctDays && chosen.Exists(x => BerlinTime.LocalDate(x.Slot.Start) == day)))
                {
                    continue;
                }
                chosen.Add((c.Slot, c.Interviewers, c.Keys));
            }
        }
        foreach (var key in chosen.SelectMany(c => c.Keys))
        {
            usage[key] = usage.GetValueOrDefault(key) + 1;
        }
        return chosen.OrderBy(c => c.Slot.Start).Select(c => c.Slot with { Attendees = c.Interviewers.Select(e => new SlotAttendee(e, true, SlotAttendance.Free)).ToList() }).ToList();
    }

    private static InterviewProposal ToProposal(string interviewId, SlotCandidate slot, int rank) => new()
    {
        Id = NewId(),
        InterviewId = interviewId,
        Start = slot.Start,
        End = slot.End,
        // ChooseProposals puts the conducting interviewers into Attendees.
        InterviewerEmails = slot.Attendees.Select(a => a.ScheduleId).ToList(),
        RoomEmail = slot.Room?.Email,
        Rank = rank,
        Status = ProposalStatus.Open,
    };

    private static IReadOnlyList<SlotKey> KeysOf(IReadOnlyList<string> interviewers, string? roomEmail, DateTimeOffset start, DateTimeOffset end, TimeSpan bufferAfter) =>
        SlotKeys.For(roomEmail is null ? interviewers : interviewers.Append(roomEmail), start, end, bufferAfter);

    private async Task<MeetingRoom?> FindRoomAsync(string? roomEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(roomEmail))
        {
            return null;
        }
        var rooms = await calendar.ListRoomsAsync(cancellationToken);
        return rooms.FirstOrDefault(r => string.Equals(r.Email, roomEmail, StringComparison.OrdinalIgnoreCase))
            ?? throw new SchedulingException("roomEmail", new($"Raum '{roomEmail}' gibt es nicht", $"room '{roomEmail}' does not exist"));
    }

    private static void Validate(InterviewCampaignRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            throw new SchedulingException("title", new("Titel fehlt oder ist länger als 200 Zeichen", "title is missing or longer than 200 characters"));
        }
        if (request.InterviewerIds.Count == 0)
        {
            throw new SchedulingException("interviewerIds", new("Mindestens ein Interviewer ist nötig", "at least one interviewer is required"));
        }
        if (request.Interviewees.Count == 0)
        {
            throw new SchedulingException("interviewees", new("Mindestens eine Person oder ein Amt ist nötig", "at least one person or office is required"));
        }
        if (request.Duration < TimeSpan.FromMinutes(15) || request.Duration > TimeSpan.FromHours(4) || request.Duration.Ticks % SlotKeys.Cell.Ticks != 0)
        {
            throw new SchedulingException("duration", new("Die Dauer muss 15 Minuten bis 4 Stunden in 15-Minuten-Schritten sein", "the duration must be 15 minutes to 4 hours in steps of 15 minutes"));
        }
        if (request.WindowEnd <= request.WindowStart)
        {
            throw new SchedulingException("window", new("Das Ende des Zeitraums muss nach dem Beginn liegen", "the window must end after it starts"));
        }
        if (request.BufferAfter < TimeSpan.Zero || request.BufferAfter > TimeSpan.FromHours(2))
        {
            throw new SchedulingException("bufferAfter", new("Der Puffer muss 0 bis 120 Minuten sein", "the buffer must be 0 to 120 minutes"));
        }
    }

    internal static string NewId() => Guid.NewGuid().ToString("N");
}
