using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.AspNetCore.Http.HttpResults;
using static Leitbild.Teams.App.Scheduling.SchedulingContracts;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// Organizer endpoints for scheduling, for the tab and the bot to build on. Authorization arrives with the tab issue;
/// until then these are open like the rest of local mode.
/// </summary>
public static class SchedulingApi
{
    public static IEndpointRouteBuilder MapScheduling(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/scheduling").AddEndpointFilter(TranslateFailures);
        group.MapGet("rooms", ListRooms);
        group.MapPost("slots", FindSlots);
        group.MapGet("campaigns", ListCampaigns);
        group.MapPost("campaigns", StartCampaign);
        group.MapGet("campaigns/{campaignId}/interviews", ListInterviewStatus);
        group.MapGet("interviews/{interviewId}/proposals", ListProposals);
        group.MapPost("interviews/{interviewId}/book", BookInterview);
        group.MapPost("interviews/{interviewId}/cancel", CancelInterview);
        group.MapPost("interviews/{interviewId}/reschedule", RescheduleInterview);
        group.MapGet("interviews/{interviewId}/event", GetInterviewEvent);
        group.MapPost("workshops", CreateWorkshop);
        group.MapGet("workshops/{workshopId}", GetWorkshop);
        group.MapGet("workshops/{workshopId}/slots", FindWorkshopSlots);
        group.MapPost("workshops/{workshopId}/book", BookWorkshop);
        group.MapPost("workshops/{workshopId}/cancel", CancelWorkshop);
        group.MapPost("workshops/{workshopId}/vote", StartVote);
        group.MapGet("workshops/{workshopId}/rsvp", GetRsvp);
        group.MapGet("votes/{voteId}", GetVote);
        group.MapPost("votes/{voteId}/ballots", CastBallot);
        group.MapGet("events/{eventId}.ics", DownloadIcs);
        group.MapPost("events/{eventId}/responses", RespondLocally);
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<MeetingRoom>>> ListRooms(ICalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await calendar.ListRoomsAsync(cancellationToken));

    public static async Task<Ok<FindSlotsResponse>> FindSlots(FindSlotsRequest request, ICalendar calendar, IDirectory directory, SlotFinder finder, CancellationToken cancellationToken)
    {
        var required = await ParticipantResolver.ResolveAsync(directory, request.Required, "required", cancellationToken);
        var requiredIds = required.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var optional = (await ParticipantResolver.ResolveAsync(directory, request.Optional, "optional", cancellationToken)).Where(p => !requiredIds.Contains(p.Id)).ToList();
        var rooms = request.NeedsRoom ? await calendar.ListRoomsAsync(cancellationToken) : [];
        var search = new SlotSearch
        {
            WindowStart = request.WindowStart,
            WindowEnd = request.WindowEnd,
            Duration = TimeSpan.FromMinutes(request.DurationMinutes),
            Required = required.Select(p => p.Email).ToList(),
            Optional = optional.Select(p => p.Email).ToList(),
            Rooms = rooms,
            RoomRequired = request.NeedsRoom,
            MinimumCapacity = request.MinimumCapacity,
            BufferBefore = TimeSpan.FromMinutes(request.BufferBeforeMinutes),
            BufferAfter = TimeSpan.FromMinutes(request.BufferAfterMinutes),
            EarliestTimeOfDay = request.EarliestTimeOfDay,
            LatestTimeOfDay = request.LatestTimeOfDay,
            Quorum = request.Quorum,
            PreferredDays = request.PreferredDays.ToHashSet(),
            Step = TimeSpan.FromMinutes(request.StepMinutes),
            MaxResults = request.MaxResults,
            MaxPerDay = 2,
        };
        search.Validate();
        if (request.WindowEnd - request.WindowStart > TimeSpan.FromDays(366))
        {
            throw new SchedulingException("window", new("Der Zeitraum darf höchstens ein Jahr lang sein", "the window may be at most one year long"));
        }
        var snapshot = await calendar.GetSchedulesAsync(search.Required.Concat(search.Optional).Concat(rooms.Select(r => r.Email)).ToList(),
            search.WindowStart, search.WindowEnd, search.Resolution, cancellationToken);
        var result = finder.Find(search, snapshot);
        var people = required.Concat(optional).ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var slots = result.Slots.Select(s => new SlotView(s.Start, s.End, s.Room, s.Score,
            s.Attendees.Select(a => new SlotAttendeeView(people[a.ScheduleId].Id, people[a.ScheduleId].DisplayName, a.IsRequired, a.Attendance)).ToList())).ToList();
        var unreadable = result.UnreadableSchedules.Select(id => people.TryGetValue(id, out var p) ? p.Id : id).ToList();
        return TypedResults.Ok(new FindSlotsResponse(slots, unreadable));
    }

    public static async Task<Ok<IReadOnlyList<InterviewCampaign>>> ListCampaigns(IInterviewStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListCampaignsAsync(cancellationToken));

    public static async Task<Created<CampaignOverview>> StartCampaign(StartCampaignRequest request, InterviewCampaignService service, CancellationToken cancellationToken)
    {
        var overview = await service.StartCampaignAsync(new InterviewCampaignRequest
        {
            Title = request.Title,
            OrganizerId = request.OrganizerId,
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
        return TypedResults.Created($"/api/scheduling/campaigns/{overview.Campaign.Id}/interviews", overview);
    }

    public static async Task<Results<Ok<IReadOnlyList<InterviewStatusRow>>, NotFound>> ListInterviewStatus(string campaignId, IInterviewStore store, InterviewCampaignService service, CancellationToken cancellationToken) =>
        await store.GetCampaignAsync(campaignId, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await service.GetStatusAsync(campaignId, cancellationToken));

    public static async Task<Ok<List<ProposalView>>> ListProposals(string interviewId, InterviewCampaignService service, CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.OpenProposalsAsync(interviewId, cancellationToken)).Select(p => new ProposalView(p.Proposal, p.Available)).ToList());

    public static async Task<Results<Ok<BookingResponse>, NotFound, ProblemHttpResult>> BookInterview(string interviewId, BookProposalRequest request, IInterviewStore store,
        InterviewCampaignService service, HttpRequest http, CancellationToken cancellationToken)
    {
        var proposal = await store.GetProposalAsync(request.ProposalId, cancellationToken);
        if (proposal is null || proposal.InterviewId != interviewId)
        {
            return TypedResults.NotFound();
        }
        var result = await service.BookAsync(request.ProposalId, request.PersonId, cancellationToken);
        var language = Language(http);
        return result.Outcome switch
        {
            BookingOutcome.Booked => TypedResults.Ok(new BookingResponse(result.Outcome, result.Interview, result.Event)),
            BookingOutcome.NotFound => TypedResults.NotFound(),
            BookingOutcome.NotAllowed => Problem(StatusCodes.Status403Forbidden, "scheduling.booking.notAllowed", language, result.Outcome),
            BookingOutcome.SlotTaken => Problem(StatusCodes.Status409Conflict, "scheduling.booking.taken", language, result.Outcome),
            BookingOutcome.AlreadyBooking => Problem(StatusCodes.Status409Conflict, "scheduling.booking.busy", language, result.Outcome),
            BookingOutcome.NoLongerFree => Problem(StatusCodes.Status409Conflict, "scheduling.booking.noLongerFree", language, result.Outcome),
            _ => Problem(StatusCodes.Status409Conflict, "scheduling.booking.notOpen", language, result.Outcome),
        };
    }

    public static async Task<Results<Ok<Interview>, NotFound>> CancelInterview(string interviewId, CancelRequest? request, InterviewCampaignService service, CancellationToken cancellationToken) =>
        await service.CancelAsync(interviewId, request?.Comment, cancellationToken) is { } interview ? TypedResults.Ok(interview) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<InterviewProposal>>> RescheduleInterview(string interviewId, InterviewCampaignService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RescheduleAsync(interviewId, cancellationToken));

    public static async Task<Results<Ok<CalendarEvent>, NotFound>> GetInterviewEvent(string interviewId, InterviewCampaignService service, CancellationToken cancellationToken) =>
        await service.GetEventAsync(interviewId, cancellationToken) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    public static async Task<Created<Workshop>> CreateWorkshop(CreateWorkshopRequest request, WorkshopService service, CancellationToken cancellationToken)
    {
        var workshop = await service.CreateAsync(new WorkshopRequest
        {
            Title = request.Title,
            OrganizerId = request.OrganizerId,
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

    public static async Task<Ok<Workshop>> GetWorkshop(string workshopId, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(workshopId, cancellationToken));

    public static async Task<Ok<SlotSearchResult>> FindWorkshopSlots(string workshopId, WorkshopService service, CancellationToken cancellationToken, int max = 5) =>
        TypedResults.Ok(await service.FindSlotsAsync(workshopId, max, cancellationToken));

    public static async Task<Ok<Workshop>> BookWorkshop(string workshopId, BookWorkshopRequest request, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.BookAsync(workshopId, request.Start, request.RoomEmail, cancellationToken));

    public static async Task<Ok<Workshop>> CancelWorkshop(string workshopId, CancelRequest? request, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CancelAsync(workshopId, request?.Comment, cancellationToken));

    public static async Task<Created<SlotVote>> StartVote(string workshopId, StartVoteRequest request, WorkshopService service, CancellationToken cancellationToken)
    {
        var vote = await service.StartVoteAsync(workshopId, request.Starts, request.Deadline, cancellationToken);
        return TypedResults.Created($"/api/scheduling/votes/{vote.Id}", vote);
    }

    public static async Task<Ok<VoteState>> GetVote(string voteId, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetVoteStateAsync(voteId, cancellationToken));

    public static async Task<Ok<VoteState>> CastBallot(string voteId, BallotRequest request, WorkshopService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CastBallotAsync(voteId, request.PersonId, request.Answers, cancellationToken));

    public static async Task<Results<Ok<CalendarEvent>, NotFound>> GetRsvp(string workshopId, WorkshopService service, CancellationToken cancellationToken) =>
        await service.GetRsvpAsync(workshopId, cancellationToken) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    /// <summary>The event as an .ics file (local calendar). In Microsoft 365 mode Outlook sends the invitations itself.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> DownloadIcs(string eventId, LocalCalendar calendar, HttpRequest http, CancellationToken cancellationToken)
    {
        var stored = await calendar.GetStoredEventAsync(eventId, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }
        http.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"leitbild-{eventId}.ics\"";
        return TypedResults.Content(IcsWriter.Write(stored, Language(http)), IcsWriter.ContentType);
    }

    /// <summary>Local mode's stand-in for answering in Outlook (accept, tentative, decline).</summary>
    public static async Task<Results<NoContent, NotFound>> RespondLocally(string eventId, RespondRequest request, LocalCalendar calendar, CancellationToken cancellationToken) =>
        await calendar.RespondAsync(eventId, request.Email, request.Response, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Bad input becomes 400 and an unreachable calendar 503, both with the reason in German and English.</summary>
    private static async ValueTask<object?> TranslateFailures(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var language = Language(context.HttpContext.Request);
        try
        {
            return await next(context);
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

    private static ProblemHttpResult Problem(int status, string key, string language, BookingOutcome outcome) => TypedResults.Problem(
        title: Texts.Get(key, language),
        detail: $"{Texts.Get(key, "de")} / {Texts.Get(key, "en")}",
        statusCode: status,
        extensions: new Dictionary<string, object?> { ["outcome"] = outcome.ToString() });

    private static string Language(HttpRequest request) =>
        request.Query["lang"].FirstOrDefault() ?? request.Headers.AcceptLanguage.FirstOrDefault()?.Split(',')[0] ?? "de";

    /// <summary>Log category for calendar outages seen by the API.</summary>
    public sealed class SchedulingCalendarFailure;
}
