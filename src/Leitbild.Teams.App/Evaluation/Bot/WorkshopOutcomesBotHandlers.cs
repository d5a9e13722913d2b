using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Bot;

// "ergebnis" / "outcome" in the 1:1 chat: an organizer of the planning team records a workshop's decision about one
// goal through WorkshopOutcomesService (same rules and goal history as the tab). After saving, the card is empty again
// for the next outcome with the workshop still chosen; a refusal shows the same card with what was typed and the reasons.
public sealed class WorkshopOutcomesBotHandlers(WorkshopOutcomesService outcomes, IProcessStore processes, BotActors actors, TimeProvider time)
{
    private Actor? _actor;

    public static void Map(BotRoutes routes) => routes
        .OnTextCommand<WorkshopOutcomesBotHandlers>(["ergebnis", "outcome"], (h, turn, _, ct) => h.ShowAsync(turn, ct), "outcomes.command.outcome")
        .OnCardStep<WorkshopOutcomesBotHandlers>(WorkshopOutcomeCard.SaveVerb, (h, turn, data, ct) => h.SaveAsync(turn, data, ct),
            (h, turn, data, problems, ct) => h.RefusedAsync(turn, data, problems, ct));

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        WorkshopOutcomesService.RequireMayRecord(await ActorAsync(turn, cancellationToken));
        var card = await FormAsync(turn, new Dictionary<string, string?>(), [], saved: false, cancellationToken);
        if (card is null)
        {
            await turn.SendTextAsync(Texts.Get("outcomes.none", turn.Language), cancellationToken);
            return;
        }
        await turn.SendCardAsync(card, cancellationToken);
    }

    public async Task<AdaptiveCard> SaveAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        // Someone who may not record hears that first, whatever the card holds.
        var actor = await ActorAsync(turn, cancellationToken);
        WorkshopOutcomesService.RequireMayRecord(actor);
        string? Value(string key) => data.GetValueOrDefault(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var problems = new List<Problem>();
        if (!Enum.TryParse<GoalOutcomeKind>(Value(WorkshopOutcomeCard.KindKey), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            problems.Add(Problem.Of(WorkshopOutcomeCard.KindKey, "outcomes.card.chooseKind"));
        }
        GoalPriority? priority = null;
        if (Value(WorkshopOutcomeCard.PriorityKey) is { } rawPriority)
        {
            if (Enum.TryParse<GoalPriority>(rawPriority, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                priority = parsed;
            }
            else
            {
                problems.Add(Problem.Of(WorkshopOutcomeCard.PriorityKey, "outcomes.card.priorityUnknown"));
            }
        }
        ProblemException.ThrowIfAny(problems);
        var phaseId = Value(WorkshopOutcomeCard.PhaseKey) ?? "";
        // The card shows every input at once: only what belongs to the chosen decision is passed on.
        var outcome = new GoalOutcome
        {
            PhaseId = phaseId,
            GoalId = Value(WorkshopOutcomeCard.GoalKey) ?? "",
            Kind = kind,
            NewText = kind == GoalOutcomeKind.Reworded
                ? new LocalizedText(Value(WorkshopOutcomeCard.NewTextDeKey) ?? "", Value(WorkshopOutcomeCard.NewTextEnKey) ?? "")
                : null,
            MergedIntoGoalId = kind == GoalOutcomeKind.Merged ? Value(WorkshopOutcomeCard.MergedIntoKey) : null,
            Priority = kind is GoalOutcomeKind.Confirmed or GoalOutcomeKind.Reworded ? priority : null,
            PollId = Value(WorkshopOutcomeCard.PollKey),
        };
        await outcomes.RecordAsync(outcome, actor, cancellationToken);
        await Privacy.BotAuditTrail.RecordAsync(turn, "outcome.record", new Dictionary<string, string> { ["phaseId"] = phaseId, ["goalId"] = outcome.GoalId }, cancellationToken);
        var next = new Dictionary<string, string?> { [WorkshopOutcomeCard.PhaseKey] = phaseId };
        return await FormAsync(turn, next, [], saved: true, cancellationToken) ?? Message(turn, [Texts.Get("outcomes.none", turn.Language)]);
    }

    // Someone who may not record gets the reason alone; an organizer gets the card back with what was typed.
    public async Task<AdaptiveCard> RefusedAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        if (!WorkshopOutcomesService.MayRecord(await ActorAsync(turn, cancellationToken)))
        {
            return Message(turn, problems);
        }
        IReadOnlyList<string> notices = [Texts.Get("outcomes.notSaved", turn.Language), .. problems];
        return await FormAsync(turn, data, notices, saved: false, cancellationToken) ?? Message(turn, [Texts.Get("outcomes.none", turn.Language)]);
    }

    // Null when the running process has no workshops.
    private async Task<AdaptiveCard?> FormAsync(TurnContext turn, IReadOnlyDictionary<string, string?> values,
        IReadOnlyList<string> notices, bool saved, CancellationToken cancellationToken)
    {
        var process = await processes.GetRunningAsync(time, cancellationToken);
        var workshops = process?.Phases.Where(p => p.Kind == PhaseKind.Workshop).ToList() ?? [];
        if (process is null || workshops.Count == 0)
        {
            return null;
        }
        var goals = await processes.GetGoalsAsync(process.Id, cancellationToken);
        return goals is null ? null : WorkshopOutcomeCard.Build(workshops, goals, turn.Language, values, notices, saved);
    }

    private async Task<Actor> ActorAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _actor ??= await actors.ForAsync(turn, cancellationToken);

    private static AdaptiveCard Message(TurnContext turn, IReadOnlyList<string> lines) =>
        new() { Lang = turn.Language, Body = [.. lines.Select(l => new TextBlock { Text = l, Wrap = true })] };
}
