using System.Security.Claims;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Scheduling.Bot;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.AspNetCore.Http.HttpResults;
using static Leitbild.Teams.App.Scheduling.SchedulingContracts;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// Scheduling for the tab and the bot to build on. Who may do what sits on the route groups: organizers change
/// (campaigns, bookings on someone's behalf, workshops, votes), reviewers read the status, and everyone signed in
/// reaches only their own proposals, appointments, ballots and .ics files (<see cref="PersonalSchedulingApi"/>, which
/// checks ownership in each handler).
/// </summary>
public static class SchedulingApi
{
    public static IEndpointRouteBuilder MapScheduling(this IEndpointRouteBuilder routes)
    {
        // The chat card's .ics link: signed instead of signed in (a browser opened from Teams has no tab token).
        routes.MapGet(IcsLinks.Route, IcsLinks.DownloadAsync).AllowAnonymous();
        var api = routes.MapGroup("api/scheduling").RequireAuthorization(TabPolicies.Staff).AddEndpointFilter(TranslateFailures);
        api.MapPersonalScheduling();

        var read = api.MapGroup("").RequireAuthorization(TabPolicies.Reviewer);
        read.MapGet("overview", GetOverview);
        read.MapGet("rooms", ListRooms);
        read.MapGet("campaigns", ListCampaigns);
        read.MapGet("campaigns/{campaignId}/interviews", ListInterviewStatus);
        read.MapGet("interviews/{interviewId}/event", GetInterviewEvent);
        read.MapGet("workshops", ListWorkshops);
        read.MapGet("workshops/{workshopId}", GetWorkshop);
        read.MapGet("workshops/{workshopId}/vote", GetVoteOfWorkshop);
        read.MapGet("workshops/{workshopId}/rsvp", GetRsvp);
        read.MapGet("votes/{voteId}", GetVote);

        var organize = api.MapGroup("").RequireAuthorization(TabPolicies.Organizer);
        organize.MapGet("participants", ListParticipants);
        organize.MapPost("slots", FindSlots);
        organize.MapPost("campaigns", StartCampaign);
        organize.MapPost("interviews/{interviewId}/book", BookInterview);
        organize.MapPost("interviews/{interviewId}/cancel", CancelInterview);
        organize.MapPost("interviews/{interviewId}/reschedule", RescheduleInterview);
        organize.MapPost("workshops", CreateWorkshop);
        // Reads calendars of everyone invited: an organizer's question, not a reviewer's.
        organize.MapGet("workshops/{workshopId}/slots", FindWorkshopSlots);
        organize.MapPost("workshops/{workshopId}/book", BookWorkshop);
        organize.MapPost("workshops/{workshopId}/cancel", CancelWorkshop);
        organize.MapPost("workshops/{workshopId}/vote", StartVote);
        return routes;
    }

    /// <summary>Everything the Interviews &amp; Workshops page shows at once, with names instead of mailbox addresses.</summary>
    public static async Task<Ok<SchedulingOverview>> GetOverview(ClaimsPrincipal principal, SchedulingViews views, CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.OverviewAsync(TabUser.From(principal), cancellationToken));

    public static async Task<Ok<IReadOnlyList<MeetingRoom>>> ListRooms(ICalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await calendar.ListRoomsAsync(cancellationToken));

    /// <summary>People, offices and divisions to invite, for the organizers' pickers.</summary>
    public static async Task<Ok<ParticipantsView>> ListParticipants(HttpRequest http, IDirectory directory, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(http);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var culture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        var people = organisation.People
            .OrderBy(p => p.DisplayName, StringComparer.Create(culture, ignoreCase: true))
            .Select(p => new ParticipantPerson(p.Id, p.DisplayName, p.OfficeId, p.IsGuest, p.JobTitle))
            .ToList();
        var divisions = organisation.Divisions.Select(d => new ParticipantDivision(d.Id, d.Name.In(language),
            d.Offices.Select(o => new ParticipantOffice(o.Id, o.Code, o.Name.In(language))).ToList())).ToList();
        return TypedResults.Ok(new ParticipantsView(people, divisions));
    }

    public static async Task<Ok<FindSlotsResponse>> FindSlots(FindSlotsRequest request, AdHocSlotSearch search, CancellationToken cancellationToken)
    {
        var found = await search.FindAsync(new AdHocSlotQuery
        {
            Required = request.Required,
            Optional = request.Optional,
            NeedsRoom = request.NeedsRoom,
            MinimumCapacity = request.MinimumCapacity,
            Duration = TimeSpan.FromMinutes(request.DurationMinutes),
            WindowStart = request.WindowStart,
            WindowEnd = request.WindowEnd,
            BufferBefore = TimeSpan.FromMinutes(request.BufferBeforeMinutes),
            BufferAfter = TimeSpan.FromMinutes(request.BufferAfterMinutes),
            EarliestTimeOfDay = request.EarliestTimeOfDay,
            LatestTimeOfDay = request.LatestTimeOfDay,
            Quorum = request.Quorum,
            PreferredDays = request.PreferredDays.ToHashSet(),
            Step = TimeSpan.FromMinutes(request.StepMinutes),
            MaxResults = request.MaxResults,
        }, cancellationToken);
        var people = found.People.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var slots = found.Result.Slots.Select(s => new SlotView(s.Start, s.End, s.Room, s.Score,
            s.Attendees.Select(a => new SlotAttendeeView(people[a.ScheduleId].Id, people[a.ScheduleId].DisplayName, a.IsRequired, a.Attendance)).ToList())).ToList();
        var unreadable = found.Result.UnreadableSchedules.Select(id => people.TryGetValue(id, out var p) ? p.Id : id).ToList();
        return TypedResults.Ok(new FindSlotsResponse(slots, unreadable));
    }

    public static async Task<Ok<IReadOnlyList<InterviewCampaign>>> ListCampaigns(IInterviewStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListCampaignsAsync(cancellationToken));

    /// <summary>Starts a campaign; the signed-in organizer organizes it unless the body names someone else.</summary>
    public static async Task<Created<CampaignOverview>> StartCampaign(StartCampaignRequest request, ClaimsPrincipal principal, InterviewCampaignService service,
        IProcessStore processes, InterviewProposalDelivery delivery, CancellationToken cancellationToken)
    {
        await RequireKnownPhaseAsync(processes, request.PhaseId, cancellationToken);
        var overview = await service.StartCampaignAsync(new InterviewCampaignRequest
        {
            Title = request.Title,
            OrganizerId = string.IsNullOrWhiteSpace(request.OrganizerId) ? TabUser.From(principal).Id : request.OrganizerId,
            PhaseId = request.PhaseId,
            InterviewerIds = request.InterviewerIds,
            Interviewees = request.Interviewees,
            Mode = request.Mode,
            Duration = TimeSpan.FromMinutes(request.DurationMinutes),
            WindowStart = request.WindowStart,
            WindowEnd = request.WindowEnd,
            RoomEmail = request.RoomEmail,
            BufferAfter = TimeSpan.FromMinutes(request.BufferAfterMinutes),
            EarliestTimeOfDay = request.EarliestTimeOfDay,
            LatestTimeOfDay = request.LatestTimeOfDay,
            ProposalsPerInterviewee = request.ProposalsPerInterviewee,
        }, cancellationToken);
        await delivery.SendProposalsAsync(overview, cancellationToken);
        return TypedResults.Created($"/api/scheduling/campaigns/{overview.Campaign.Id}/interviews", overview);
    }

    public static async Task<Results<Ok<IReadOnlyList<InterviewStatusRow>>, NotFound>> ListInterviewStatus(string campaignId, IInterviewStore store, InterviewCampaignService service, CancellationToken cancellationToken) =>
        await store.GetCampaignAsync(campaignId, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await service.GetStatusAsync(campaignId, cancellationToken));

    /// <summary>Books a proposal on the interviewee's behalf (an organizer answering a phone call, say).</summary>
    public static async Task<Results<Ok<BookingResponse>, NotFound, ProblemHttpResult>> BookInterview(string interviewId, BookProposalRequest request, IInterviewStore store,
        InterviewCampaignService service, HttpRequest http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ProposalId))
        {
            // "{}" or a missing id is the caller's mistake: 400 naming the field, never a 500 from the store.
            throw Core.Problems.ProblemException.Invalid("proposalId", "problem.field.required", "proposalId");
        }
        var proposal = await store.GetProposalAsync(request.ProposalId, cancellationToken);
        if (proposal is null || proposal.InterviewId != interviewId)
        {
            return TypedResults.NotFound();
        }
        var result = await service.BookAsync(request.ProposalId, request.PersonId, cancellationToken);
        return ToResponse(result, Language(http));
    }

    public static async Task<Results<Ok<Interview>, NotFound>> CancelInterview(string interviewId, CancelRequest? request, InterviewCampaignService service, CancellationToken cancellationToken) =>
        await service.CancelAsync(interviewId, request?.Comment, cancellationToken) is { } interview ? TypedResults.Ok(interview) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<InterviewProposal>>> RescheduleInterview(string interviewId, InterviewCampaignService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RescheduleAsync(interviewId, cancellationToken));

    public static async Task<Results<Ok<CalendarEvent>, NotFound>> GetInterviewEvent(string interviewId, InterviewCampaignService service, SchedulingViews views, CancellationToken cancellationToken) =>
        await service.GetEventAsync(interviewId, cancellationToken) is { } e ? TypedResults.Ok(await views.WithNamesAsync(e, cancellationToken)) : TypedResults.NotFound();

    public static async Task<Created<Workshop>> CreateWorkshop(CreateWorkshopRequest request, ClaimsPrincipal principal, WorkshopService service,
        IProcessStore processes, CancellationToken cancellationToken)
    {
        await RequireKnownPhaseAsync(processes, request.PhaseId, cancellationToken);
        var workshop = await service.CreateAsync(new WorkshopRequest
        {
            Title = request.Title,
            OrganizerId = string.IsNullOrWhiteSpace(request.OrganizerId) ? TabUser.From(principal).Id : request.OrganizerId,
            PhaseId = request.PhaseId,
            Required = request.Required,
            Optional = request.Optional,
            NeedsRoom = request.NeedsRoom,
            MinimumCapacity = request.MinimumCapacity,
            Duration = TimeSpan.FromMinutes(request.DurationMinutes),
            WindowStart = request.WindowStart,
            WindowEnd = request.WindowEnd,
            EarliestTimeOfDay = request.EarliestTimeOfDay,
            LatestTimeOfDay = request.LatestTimeOfDay,
            Quorum = request.Quorum,
            PreferredDays = request.PreferredDays,
            BufferBefore = TimeSpan.FromMinutes(request.BufferBeforeMinutes),
            BufferAfter = TimeSpan.FromMinutes(request.BufferAfterMinutes),
        }, cancellationToken);
        return TypedResults.Created($"/api/scheduling/workshops/{workshop.Id}", workshop);
    }

    public static async Task<Ok<IReadOnlyList<Workshop>>> ListWorkshops(IWorkshopStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListWorkshopsAsync(cancellationToken));

    public static async Task<Ok<Workshop>> GetWorkshop(string workshopId, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(workshopId, cancellationToken));

    /// <summary>The best slots, each with every invited person's name and standing (free, tentative, busy, outside working hours).</summary>
    public static async Task<Ok<FindSlotsResponse>> FindWorkshopSlots(string workshopId, WorkshopService service, CancellationToken cancellationToken, int max = 5)
    {
        var workshop = await service.GetAsync(workshopId, cancellationToken);
        var result = await service.FindSlotsAsync(workshopId, Math.Clamp(max, 1, 20), cancellationToken);
        var people = workshop.Participants.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var slots = result.Slots.Select(s => new SlotView(s.Start, s.End, s.Room, s.Score, s.Attendees
            .Where(a => people.ContainsKey(a.ScheduleId))
            .Select(a => new SlotAttendeeView(people[a.ScheduleId].PersonId, people[a.ScheduleId].DisplayName, a.IsRequired, a.Attendance)).ToList())).ToList();
        var unreadable = result.UnreadableSchedules.Select(id => people.TryGetValue(id, out var p) ? p.PersonId : id).ToList();
        return TypedResults.Ok(new FindSlotsResponse(slots, unreadable));
    }

    public static async Task<Ok<Workshop>> BookWorkshop(string workshopId, BookWorkshopRequest request, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.BookAsync(workshopId, request.Start, request.RoomEmail, cancellationToken));

    public static async Task<Ok<Workshop>> CancelWorkshop(string workshopId, CancelRequest? request, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CancelAsync(workshopId, request?.Comment, cancellationToken));

    public static async Task<Created<SlotVote>> StartVote(string workshopId, StartVoteRequest request, WorkshopService service, WorkshopVoteDelivery delivery, CancellationToken cancellationToken)
    {
        var vote = await service.StartVoteAsync(workshopId, request.Starts, request.Deadline, cancellationToken);
        await delivery.SendAsync(vote, cancellationToken);
        return TypedResults.Created($"/api/scheduling/votes/{vote.Id}", vote);
    }

    public static async Task<Ok<VoteState>> GetVote(string voteId, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetVoteStateAsync(voteId, cancellationToken));

    public static async Task<Results<Ok<VoteState>, NotFound>> GetVoteOfWorkshop(string workshopId, IWorkshopStore store, WorkshopService service, CancellationToken cancellationToken) =>
        await store.GetVoteOfWorkshopAsync(workshopId, cancellationToken) is { } vote
            ? TypedResults.Ok(await service.GetVoteStateAsync(vote.Id, cancellationToken))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<CalendarEvent>, NotFound>> GetRsvp(string workshopId, WorkshopService service, SchedulingViews views, CancellationToken cancellationToken) =>
        await service.GetRsvpAsync(workshopId, cancellationToken) is { } e ? TypedResults.Ok(await views.WithNamesAsync(e, cancellationToken)) : TypedResults.NotFound();

    internal static Results<Ok<BookingResponse>, NotFound, ProblemHttpResult> ToResponse(BookingResult result, string language) => result.Outcome switch
    {
        BookingOutcome.Booked => TypedResults.Ok(new BookingResponse(result.Outcome, result.Interview, result.Event)),
        BookingOutcome.NotFound => TypedResults.NotFound(),
        BookingOutcome.NotAllowed => Problem(StatusCodes.Status403Forbidden, "scheduling.booking.notAllowed", language, result.Outcome),
        BookingOutcome.SlotTaken => Problem(StatusCodes.Status409Conflict, "scheduling.booking.taken", language, result.Outcome),
        BookingOutcome.AlreadyBooking => Problem(StatusCodes.Status409Conflict, "scheduling.booking.busy", language, result.Outcome),
        BookingOutcome.NoLongerFree => Problem(StatusCodes.Status409Conflict, "scheduling.booking.noLongerFree", language, result.Outcome),
        _ => Problem(StatusCodes.Status409Conflict, "scheduling.booking.notOpen", language, result.Outcome),
    };

    /// <summary>A phase id, when given, must name a phase of a stored process; the timeline shows items by it.</summary>
    private static async Task RequireKnownPhaseAsync(IProcessStore processes, string? phaseId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(phaseId))
        {
            return;
        }
        var known = (await processes.ListProcessesAsync(cancellationToken)).SelectMany(p => p.Phases).Any(p => p.Id == phaseId);
        if (!known)
        {
            throw new SchedulingException("phaseId", new($"Den Baustein '{phaseId}' gibt es nicht", $"there is no phase '{phaseId}'"));
        }
    }

    /// <summary>Bad input becomes 400 and an unreachable calendar 503, both with the reason in German and English.</summary>
    private static async ValueTask<object?> TranslateFailures(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var language = Language(context.HttpContext.Request);
        try
        {
            return await next(context);
        }
        catch (Core.Problems.ProblemException e)
        {
            return Problems.ApiProblems.Result(e, RequestLanguage.Of(context.HttpContext.Request));
        }
        catch (SchedulingException e)
        {
            return TypedResults.Problem(
                title: Texts.Get("scheduling.error.title", language),
                detail: $"{e.Problem.De} / {e.Problem.En}",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = e.Field, ["de"] = e.Problem.De, ["en"] = e.Problem.En });
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException
            || (e is TaskCanceledException && !context.HttpContext.RequestAborted.IsCancellationRequested))
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<SchedulingCalendarFailure>>()
                .LogWarning(e, "Calendar call failed for {Path}", context.HttpContext.Request.Path);
            return TypedResults.Problem(
                title: Texts.Get("scheduling.calendar.unavailable", language),
                detail: $"{Texts.Get("scheduling.calendar.unavailable", "de")} / {Texts.Get("scheduling.calendar.unavailable", "en")}",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    internal static ProblemHttpResult Problem(int status, string key, string language, BookingOutcome outcome) => TypedResults.Problem(
        title: Texts.Get(key, language),
        detail: $"{Texts.Get(key, "de")} / {Texts.Get(key, "en")}",
        statusCode: status,
        extensions: new Dictionary<string, object?> { ["outcome"] = outcome.ToString() });

    /// <summary>403 with the reason, for a signed-in person who asks for someone else's interview, ballot or event.</summary>
    internal static ProblemHttpResult NotYours(string language) => TypedResults.Problem(
        title: Texts.Get("scheduling.access.notYours", language),
        detail: $"{Texts.Get("scheduling.access.notYours", "de")} / {Texts.Get("scheduling.access.notYours", "en")}",
        statusCode: StatusCodes.Status403Forbidden);

    internal static string Language(HttpRequest request) => RequestLanguage.Of(request);

    /// <summary>Log category for calendar outages seen by the API.</summary>
    public sealed class SchedulingCalendarFailure;
}
