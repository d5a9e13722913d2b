using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Bot;

/// <summary>
/// "ergebnis" / "outcome" in the 1:1 chat: an organizer (not a guest) records a workshop's decision about one goal
/// through <see cref="WorkshopOutcomesService"/> (same rules and goal history as the tab). After saving, the card is
/// empty again for the next outcome; the workshop stays chosen.
/// </summary>
public static class WorkshopOutcomesBotHandlers
{
    public static void Register(BotRoutes routes) => routes
        .OnCommand(["ergebnis", "outcome"], ShowAsync, "outcomes.command.outcome")
        .OnCardStep(WorkshopOutcomeCard.SaveVerb, SaveAsync);

    private static async Task ShowAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await ActorAsync(turn, cancellationToken) is not { } actor)
        {
            await turn.SendTextAsync(Texts.Get("outcomes.notAllowed", turn.Language), cancellationToken);
            return;
        }
        var card = await FormAsync(turn, new Dictionary<string, string?>(), [], saved: false, cancellationToken);
        if (card is null)
        {
            await turn.SendTextAsync(Texts.Get("outcomes.none", turn.Language), cancellationToken);
            return;
        }
        await turn.SendCardAsync(card, cancellationToken);
    }

    private static async Task<AdaptiveCard> SaveAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        if (await ActorAsync(turn, cancellationToken) is not { } actor)
        {
            return Message(turn, "outcomes.notAllowed");
        }
        var notices = new List<string>();
        var saved = false;
        string? Value(string key) => data.GetValueOrDefault(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (!Enum.TryParse<GoalOutcomeKind>(Value(WorkshopOutcomeCard.KindKey), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            notices.Add(new LocalizedText("Bitte ein Ergebnis wählen (bestätigt, umformuliert, zusammengeführt, gestrichen).",
                "Please choose an outcome (confirmed, reworded, merged, dropped).").In(turn.Language));
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
                notices.Add(new LocalizedText("Unbekannte Priorität.", "Unknown priority.").In(turn.Language));
            }
        }
        var phaseId = Value(WorkshopOutcomeCard.PhaseKey) ?? "";
        if (notices.Count == 0)
        {
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
            try
            {
                await turn.Services.GetRequiredService<WorkshopOutcomesService>().RecordAsync(outcome, actor.Id, cancellationToken);
                saved = true;
            }
            catch (EvaluationException e)
            {
                notices.Add(Texts.Get("evaluation.api.outcomeNotSaved", turn.Language));
                notices.AddRange(e.Problems.Select(p => p.Problem.In(turn.Language)));
            }
        }
        var values = saved ? new Dictionary<string, string?> { [WorkshopOutcomeCard.PhaseKey] = phaseId } : data;
        return await FormAsync(turn, values, notices, saved, cancellationToken) ?? Message(turn, "outcomes.none");
    }

    private static async Task<AdaptiveCard?> FormAsync(TurnContext turn, IReadOnlyDictionary<string, string?> values,
        IReadOnlyList<string> notices, bool saved, CancellationToken cancellationToken)
    {
        var processes = turn.Services.GetRequiredService<IProcessStore>();
        var process = (await processes.ListProcessesAsync(cancellationToken)).FirstOrDefault();
        var workshops = process?.Phases.Where(p => p.Kind == PhaseKind.Workshop).ToList() ?? [];
        if (process is null || workshops.Count == 0)
        {
            return null;
        }
        var goals = await processes.GetGoalsAsync(process.Id, cancellationToken);
        return goals is null ? null : WorkshopOutcomeCard.Build(workshops, goals, turn.Language, values, notices, saved);
    }

    /// <summary>The organizer acting (the planning team, not a guest); null for anyone else.</summary>
    private static async Task<Person?> ActorAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.Services.GetRequiredService<IDirectory>().FindPersonAsync(CardSteps.PersonId(turn), cancellationToken) is { } person
            && person.Has(Role.Organizer) && !person.IsGuest
            ? person
            : null;

    private static AdaptiveCard Message(TurnContext turn, string key) =>
        new() { Lang = turn.Language, Body = [new TextBlock { Text = Texts.Get(key, turn.Language), Wrap = true }] };
}
