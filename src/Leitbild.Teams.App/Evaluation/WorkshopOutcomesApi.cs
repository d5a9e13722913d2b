using System.Security.Claims;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>
/// Workshop outcomes under /api/tab/evaluation: reviewers read the workshops, their outcomes and the goal history;
/// organizers record outcomes.
/// </summary>
public static class WorkshopOutcomesApi
{
    public sealed record OutcomeRequest(string? GoalId, string? Kind, string? PollId, string? NewTextDe, string? NewTextEn, string? MergedIntoGoalId, string? Priority);

    public sealed record WorkshopListItem(string PhaseId, LocalizedText Title, DateOnly Start, int Decisions);

    public sealed record GoalHistoryView(IReadOnlyList<GoalChange> Changes, IReadOnlyList<GoalStanding> Standings);

    public static RouteGroupBuilder MapWorkshopOutcomes(this RouteGroupBuilder evaluation)
    {
        evaluation.MapGet("workshops", ListWorkshops);
        evaluation.MapGet("workshops/{phaseId}", GetWorkshop);
        evaluation.MapPost("workshops/{phaseId}/outcomes", Record).RequireAuthorization(TabPolicies.Organizer);
        evaluation.MapGet("goals/history", GetHistory);
        return evaluation;
    }

    public static async Task<Ok<IReadOnlyList<WorkshopListItem>>> ListWorkshops(WorkshopOutcomesService service, CancellationToken cancellationToken)
    {
        var process = await service.ProcessAsync(cancellationToken);
        var history = await service.HistoryAsync(cancellationToken);
        var workshops = process?.Phases.Where(p => p.Kind == PhaseKind.Workshop)
            .Select(p => new WorkshopListItem(p.Id, p.Title, p.ActualStart ?? p.PlannedStart, history?.Changes.Count(c => c.PhaseId == p.Id) ?? 0))
            .ToList() ?? [];
        return TypedResults.Ok<IReadOnlyList<WorkshopListItem>>(workshops);
    }

    public static async Task<Results<Ok<WorkshopOutcomes>, ProblemHttpResult>> GetWorkshop(string phaseId, HttpRequest request, WorkshopOutcomesService service, CancellationToken cancellationToken) =>
        await service.GetAsync(phaseId, cancellationToken) is { } outcomes
            ? TypedResults.Ok(outcomes)
            : EvaluationProblems.Problem(StatusCodes.Status404NotFound, "evaluation.api.workshopNotFound", RequestLanguage.Of(request), phaseId);

    public static async Task<Results<Created<GoalChange>, ValidationProblem>> Record(
        string phaseId, OutcomeRequest? body, HttpRequest request, ClaimsPrincipal principal, WorkshopOutcomesService service, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.Of(request);
        var problems = new List<FieldProblem>();
        if (!EvaluationProblems.TryParse<GoalOutcomeKind>(body?.Kind, out var kind))
        {
            problems.Add(EvaluationProblems.Unknown("kind", body?.Kind, EvaluationProblems.Names<GoalOutcomeKind>()));
        }
        GoalPriority? priority = null;
        if (!string.IsNullOrWhiteSpace(body?.Priority))
        {
            if (EvaluationProblems.TryParse<GoalPriority>(body.Priority, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                problems.Add(EvaluationProblems.Unknown("priority", body.Priority, EvaluationProblems.Names<GoalPriority>()));
            }
        }
        if (string.IsNullOrWhiteSpace(body?.GoalId))
        {
            problems.Add(new("goalId", new("Bitte ein Ziel angeben.", "Please name a goal.")));
        }
        if (problems.Count > 0)
        {
            return EvaluationProblems.Invalid(problems, language, "evaluation.api.outcomeNotSaved");
        }
        var outcome = new GoalOutcome
        {
            GoalId = body!.GoalId!.Trim(),
            Kind = kind,
            PhaseId = phaseId,
            PollId = body.PollId,
            NewText = body.NewTextDe is null && body.NewTextEn is null ? null : new LocalizedText(body.NewTextDe ?? string.Empty, body.NewTextEn ?? string.Empty),
            MergedIntoGoalId = string.IsNullOrWhiteSpace(body.MergedIntoGoalId) ? null : body.MergedIntoGoalId.Trim(),
            Priority = priority,
        };
        try
        {
            var change = await service.RecordAsync(outcome, TabUser.From(principal).Id, cancellationToken);
            return TypedResults.Created($"/api/tab/evaluation/workshops/{phaseId}", change);
        }
        catch (EvaluationException e)
        {
            return EvaluationProblems.Invalid(e.Problems, language, "evaluation.api.outcomeNotSaved");
        }
    }

    public static async Task<Results<Ok<GoalHistoryView>, NotFound>> GetHistory(WorkshopOutcomesService service, CancellationToken cancellationToken) =>
        await service.HistoryAsync(cancellationToken) is { } history
            ? TypedResults.Ok(new GoalHistoryView(history.Changes, history.Standings))
            : TypedResults.NotFound();
}
