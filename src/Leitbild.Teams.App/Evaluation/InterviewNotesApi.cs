using System.Security.Claims;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>
/// /api/tab/evaluation/notes (organizers; the service narrows it to the interview's interviewers and organizers who
/// are not guests): the interviews one may write notes for, their statements, record and withdraw a statement.
/// </summary>
public static class InterviewNotesApi
{
    public sealed record StatementRequest(string? Text, string? FieldOfActionId, string? GoalId, string? Sentiment, string? Consent);

    public sealed record InterviewNotesView(string InterviewId, IReadOnlyList<RecordedStatement> Statements);

    public static RouteGroupBuilder MapInterviewNotes(this RouteGroupBuilder notes)
    {
        notes.MapGet("interviews", ListInterviews);
        notes.MapGet("interviews/{interviewId}", GetNotes);
        notes.MapPost("interviews/{interviewId}/statements", Record);
        notes.MapDelete("interviews/{interviewId}/statements/{statementId}", Withdraw);
        return notes;
    }

    public static async Task<Ok<IReadOnlyList<NotableInterview>>> ListInterviews(ClaimsPrincipal principal, InterviewNotesService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListInterviewsAsync(Actor(principal), cancellationToken));

    public static async Task<Results<Ok<InterviewNotesView>, ProblemHttpResult>> GetNotes(
        string interviewId, HttpRequest request, ClaimsPrincipal principal, InterviewNotesService service, CancellationToken cancellationToken)
    {
        var access = await service.CheckAccessAsync(interviewId, Actor(principal), cancellationToken);
        if (access != NotesAccess.Allowed)
        {
            return Refused(access, interviewId, RequestLanguage.Of(request));
        }
        return TypedResults.Ok(new InterviewNotesView(interviewId, await service.ListStatementsAsync(interviewId, cancellationToken)));
    }

    public static async Task<Results<Created<RecordedStatement>, ValidationProblem, ProblemHttpResult>> Record(
        string interviewId, StatementRequest? body, HttpRequest request, ClaimsPrincipal principal, InterviewNotesService service, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var problems = new List<FieldProblem>();
        if (!EvaluationProblems.TryParse<StatementSentiment>(body?.Sentiment, out var sentiment))
        {
            problems.Add(EvaluationProblems.Unknown("sentiment", body?.Sentiment, EvaluationProblems.Names<StatementSentiment>()));
        }
        if (!EvaluationProblems.TryParse<StatementConsent>(body?.Consent, out var consent))
        {
            problems.Add(EvaluationProblems.Unknown("consent", body?.Consent, EvaluationProblems.Names<StatementConsent>()));
        }
        try
        {
            if (problems.Count > 0)
            {
                throw new EvaluationException(problems);
            }
            var recorded = await service.RecordAsync(interviewId, new StatementDraft(body!.Text, body.FieldOfActionId, body.GoalId, sentiment, consent), Actor(principal), cancellationToken);
            return TypedResults.Created($"/api/tab/evaluation/notes/interviews/{interviewId}", recorded);
        }
        catch (EvaluationException e)
        {
            return EvaluationProblems.Invalid(e.Problems, language, "evaluation.api.statementNotSaved");
        }
        catch (AnswerValidationException e)
        {
            return EvaluationProblems.Invalid(e.Errors.Select(x => new FieldProblem(x.Field, new(x.German, x.English))), language, "evaluation.api.statementNotSaved");
        }
        catch (NotesAccessException e)
        {
            return Refused(e.Access, interviewId, language);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(
        string interviewId, string statementId, HttpRequest request, ClaimsPrincipal principal, InterviewNotesService service, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        try
        {
            return await service.WithdrawAsync(interviewId, statementId, Actor(principal), cancellationToken)
                ? TypedResults.NoContent()
                : EvaluationProblems.Problem(StatusCodes.Status404NotFound, "evaluation.api.statementNotFound", language, statementId);
        }
        catch (NotesAccessException e)
        {
            return Refused(e.Access, interviewId, language);
        }
    }

    private static NotesActor Actor(ClaimsPrincipal principal)
    {
        var user = TabUser.From(principal);
        return new NotesActor(user.Id, user.IsOrganizer, user.IsGuest);
    }

    private static ProblemHttpResult Refused(NotesAccess access, string interviewId, string language) => access switch
    {
        NotesAccess.NotFound => EvaluationProblems.Problem(StatusCodes.Status404NotFound, "evaluation.api.interviewNotFound", language, interviewId),
        NotesAccess.NotBooked => EvaluationProblems.Problem(StatusCodes.Status409Conflict, "evaluation.api.interviewNotBooked", language, interviewId),
        _ => EvaluationProblems.Problem(StatusCodes.Status403Forbidden, "evaluation.api.notYourInterview", language, interviewId),
    };
}
