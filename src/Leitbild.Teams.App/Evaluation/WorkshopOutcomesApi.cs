using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

// Workshop outcomes under /api/tab/evaluation: reviewers read the workshops, their outcomes and the goal history;
// organizers record outcomes (the service lets the planning team record, not guests).
public static class WorkshopOutcomesApi
{
    public sealed record OutcomeRequest(string? GoalId, string? Kind, string? PollId, string? NewTextDe, string? NewTextEn, string? MergedIntoGoalId, string? Priority);

    public static RouteGroupBuilder MapWorkshopOutcomes(this RouteGroupBuilder evaluation)
    {
        evaluation.MapGet("workshops", ListWorkshops);
        evaluation.MapGet("workshops/{phaseId}", GetWorkshop);
        evaluation.MapPost("workshops/{phaseId}/outcomes", Record).RequireAuthorization(TabPolicies.Organizer);
        evaluation.MapGet("goals/history", GetHistory);
        return evaluation;
    }

    public static async Task<Ok<IReadOnlyList<WorkshopListItem>>> ListWorkshops(WorkshopOutcomesService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListWorkshopsAsync(cancellationToken));

    public static async Task<Ok<WorkshopOutcomes>> GetWorkshop(string phaseId, WorkshopOutcomesService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(phaseId, cancellationToken));

    public static async Task<Created<GoalChange>> Record(
        string phaseId, OutcomeRequest? body, Caller caller, WorkshopOutcomesService service, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var kind = EnumInput.Parse<GoalOutcomeKind>("kind", body?.Kind, problems);
        GoalPriority? priority = string.IsNullOrWhiteSpace(body?.Priority) ? null : EnumInput.Parse<GoalPriority>("priority", body.Priority, problems);
        if (string.IsNullOrWhiteSpace(body?.GoalId))
        {
            problems.Add(Problem.Of("goalId", "outcomes.goalMissing"));
        }
        ProblemException.ThrowIfAny(problems);
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
        var change = await service.RecordAsync(outcome, caller.Actor, cancellationToken);
        return TypedResults.Created($"/api/tab/evaluation/workshops/{phaseId}", change);
    }

    public static async Task<Ok<CatalogueHistory>> GetHistory(WorkshopOutcomesService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.HistoryAsync(cancellationToken));
}
