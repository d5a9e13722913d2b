using System.Security.Claims;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.AspNetCore.Http.HttpResults;
using static Leitbild.Teams.App.Scheduling.SchedulingContracts;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// What everyone signed in may do with their own scheduling items. The group only requires a signed-in person; each
/// handler checks the item is theirs (reviewers and organizers may read everyone's, only organizers act for others).
/// </summary>
public static class PersonalSchedulingApi
{
    public static RouteGroupBuilder MapPersonalScheduling(this RouteGroupBuilder api)
    {
        api.MapGet("my", GetMine);
        api.MapPost("my/proposals/{proposalId}/book", BookOwnProposal);
        api.MapGet("interviews/{interviewId}/proposals", ListProposals);
        api.MapPost("votes/{voteId}/ballots", CastBallot);
        api.MapGet("events/{eventId}.ics", DownloadIcs);
        api.MapPost("events/{eventId}/responses", RespondLocally);
        return api;
    }

    /// <summary>The signed-in person's interviews, proposals and workshops.</summary>
    public static async Task<Ok<MyAppointments>> GetMine(ClaimsPrincipal principal, SchedulingViews views, CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.MineAsync(TabUser.From(principal), cancellationToken));

    /// <summary>Books one of the signed-in person's own proposals; someone else's answers 403 and changes nothing.</summary>
    public static async Task<Results<Ok<BookingResponse>, NotFound, ProblemHttpResult>> BookOwnProposal(
        string proposalId, ClaimsPrincipal principal, InterviewCampaignService service, HttpRequest http, CancellationToken cancellationToken)
    {
        var result = await service.BookAsync(proposalId, TabUser.From(principal).Id, cancellationToken);
        return SchedulingApi.ToResponse(result, SchedulingApi.Language(http));
    }

    public static async Task<Results<Ok<IReadOnlyList<ProposalView>>, NotFound, ProblemHttpResult>> ListProposals(
        string interviewId, ClaimsPrincipal principal, IInterviewStore store, SchedulingViews views, HttpRequest http, CancellationToken cancellationToken)
    {
        var user = TabUser.From(principal);
        var interview = await store.GetInterviewAsync(interviewId, cancellationToken);
        if (interview is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.CanReview && interview.IntervieweeId != user.Id)
        {
            return SchedulingApi.NotYours(SchedulingApi.Language(http));
        }
        return TypedResults.Ok(await views.ProposalsAsync(interviewId, cancellationToken));
    }

    /// <summary>A participant answers a slot vote for themselves; an organizer may record an answer given to them in person.</summary>
    public static async Task<Results<Ok<VoteState>, ProblemHttpResult>> CastBallot(
        string voteId, BallotRequest request, ClaimsPrincipal principal, WorkshopService service, HttpRequest http, CancellationToken cancellationToken)
    {
        var user = TabUser.From(principal);
        var personId = string.IsNullOrWhiteSpace(request.PersonId) ? user.Id : request.PersonId;
        if (personId != user.Id && !user.IsOrganizer)
        {
            return SchedulingApi.NotYours(SchedulingApi.Language(http));
        }
        return TypedResults.Ok(await service.CastBallotAsync(voteId, personId, request.Answers, cancellationToken));
    }

    /// <summary>
    /// The event as an .ics file (local calendar; in Microsoft 365 mode Outlook sends the invitations itself).
    /// Reviewers and organizers get any event, everyone else only events they organize or attend.
    /// </summary>
    public static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> DownloadIcs(
        string eventId, ClaimsPrincipal principal, LocalCalendar calendar, IDirectory directory, HttpRequest http, CancellationToken cancellationToken)
    {
        var stored = await calendar.GetStoredEventAsync(eventId, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }
        var user = TabUser.From(principal);
        if (!user.CanReview)
        {
            var email = (await directory.FindPersonAsync(user.Id, cancellationToken))?.Email;
            var attends = email is not null && (string.Equals(stored.Event.OrganizerEmail, email, StringComparison.OrdinalIgnoreCase)
                || stored.Event.Attendees.Any(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase)));
            if (!attends)
            {
                return SchedulingApi.NotYours(SchedulingApi.Language(http));
            }
        }
        http.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"leitbild-{eventId}.ics\"";
        return TypedResults.Content(IcsWriter.Write(stored, SchedulingApi.Language(http)), IcsWriter.ContentType);
    }

    /// <summary>Local mode's stand-in for answering in Outlook (accept, tentative, decline): one's own answer, or any as organizer.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RespondLocally(
        string eventId, RespondRequest request, ClaimsPrincipal principal, LocalCalendar calendar, IDirectory directory, HttpRequest http, CancellationToken cancellationToken)
    {
        var user = TabUser.From(principal);
        if (!user.IsOrganizer)
        {
            var email = (await directory.FindPersonAsync(user.Id, cancellationToken))?.Email;
            if (email is null || !string.Equals(email, request.Email, StringComparison.OrdinalIgnoreCase))
            {
                return SchedulingApi.NotYours(SchedulingApi.Language(http));
            }
        }
        return await calendar.RespondAsync(eventId, request.Email, request.Response, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
