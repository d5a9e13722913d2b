using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

// /api/tab/evaluation/notes (organizers; the service narrows it to the interview's interviewers and organizers who
// are not guests): the interviews one may write notes for, their statements, record and withdraw a statement.
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

    public static async Task<Ok<IReadOnlyList<NotableInterview>>> ListInterviews(Caller caller, InterviewNotesService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListInterviewsAsync(caller.Actor, cancellationToken));

    public static async Task<Ok<InterviewNotesView>> GetNotes(string interviewId, Caller caller, InterviewNotesService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new InterviewNotesView(interviewId, await service.ListStatementsAsync(interviewId, caller.Actor, cancellationToken)));

    public static async Task<Created<RecordedStatement>> Record(
        string interviewId, StatementRequest? body, Caller caller, InterviewNotesService service, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var sentiment = EnumInput.Parse<StatementSentiment>("sentiment", body?.Sentiment, problems);
        var consent = EnumInput.Parse<StatementConsent>("consent", body?.Consent, problems);
        ProblemException.ThrowIfAny(problems);
        var recorded = await service.RecordAsync(interviewId, new StatementDraft(body!.Text, body.FieldOfActionId, body.GoalId, sentiment, consent), caller.Actor, cancellationToken);
        return TypedResults.Created($"/api/tab/evaluation/notes/interviews/{interviewId}", recorded);
    }

    public static async Task<NoContent> Withdraw(string interviewId, string statementId, Caller caller, InterviewNotesService service, CancellationToken cancellationToken)
    {
        await service.WithdrawAsync(interviewId, statementId, caller.Actor, cancellationToken);
        return TypedResults.NoContent();
    }
}
