using System.Text.Json;
using Leitbild.Teams.App.Problems;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Problems;

namespace Leitbild.Teams.App.Bot;

/// <summary>A card step: the action's data and inputs in, the card that replaces the pressed one out.</summary>
public delegate Task<AdaptiveCard> CardStep(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken);

/// <summary>The card to show when a step was refused: typically the same form again, with what was typed and the problems.</summary>
public delegate Task<AdaptiveCard> RefusedCard(TurnContext turn, IReadOnlyDictionary<string, string?> data, IReadOnlyList<string> problems, CancellationToken cancellationToken);

/// <summary>
/// Runs one card step for both ways a button arrives: Action.Execute (the invoke response replaces the card for the
/// person who pressed it) and the Action.Submit fallback of older clients (the card is replaced through the connector).
/// The one place of the bot where a <see cref="ProblemException"/> from a service becomes what the person reads:
/// the step's own form with the problems, or a short card that names them.
/// </summary>
public static class CardSteps
{
    public static BotRoutes OnCardStep(this BotRoutes routes, string verb, CardStep step, RefusedCard? refused = null)
    {
        CardStep guarded = async (turn, data, ct) =>
        {
            try
            {
                return await step(turn, data, ct);
            }
            catch (ProblemException e)
            {
                var problems = ProblemTexts.All(e.Problems, turn.Language);
                return refused is null ? ProblemCard(turn.Language, problems) : await refused(turn, data, problems, ct);
            }
        };
        return routes
            .OnCardAction(verb, async (turn, action, ct) => InvokeResponse.Card(await guarded(turn, Values(action.Data), ct)))
            .OnSubmit(verb, async (turn, data, ct) =>
            {
                var card = await guarded(turn, Values(data), ct);
                if (turn.Activity.ReplyToId is { Length: > 0 } cardMessageId)
                {
                    await turn.UpdateCardAsync(cardMessageId, card, ct);
                }
                else
                {
                    await turn.SendCardAsync(card, ct);
                }
            });
    }

    /// <summary>A card step served by a handler class that dependency injection builds for the turn.</summary>
    public static BotRoutes OnCardStep<THandler>(this BotRoutes routes, string verb,
        Func<THandler, TurnContext, IReadOnlyDictionary<string, string?>, CancellationToken, Task<AdaptiveCard>> step,
        Func<THandler, TurnContext, IReadOnlyDictionary<string, string?>, IReadOnlyList<string>, CancellationToken, Task<AdaptiveCard>>? refused = null)
        where THandler : notnull =>
        routes.OnCardStep(verb,
            (turn, data, ct) => step(BotRoutesOfHandlers.Of<THandler>(turn), turn, data, ct),
            refused is null ? null : (turn, data, problems, ct) => refused(BotRoutesOfHandlers.Of<THandler>(turn), turn, data, problems, ct));

    /// <summary>A text command whose refusal (a <see cref="ProblemException"/>) is answered with the problem in words.</summary>
    public static BotRoutes OnTextCommand<THandler>(this BotRoutes routes, IReadOnlyList<string> names,
        Func<THandler, TurnContext, string, CancellationToken, Task> handle, string? helpKey = null) where THandler : notnull =>
        routes.OnCommand<THandler>(names, async (handler, turn, arguments, ct) =>
        {
            try
            {
                await handle(handler, turn, arguments, ct);
            }
            catch (ProblemException e)
            {
                await turn.SendTextAsync(string.Join(" ", ProblemTexts.All(e.Problems, turn.Language)), ct);
            }
        }, helpKey);

    /// <summary>The person who acted, as the directory knows them (Entra object id).</summary>
    public static string PersonId(TurnContext turn) => turn.Activity.From?.AadObjectId ?? "";

    /// <summary>The action's data and the card's inputs, as Teams sends them: strings by id.</summary>
    public static Dictionary<string, string?> Values(JsonElement? data)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (data is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }
        return values;
    }

    private static AdaptiveCard ProblemCard(string language, IReadOnlyList<string> problems) => new()
    {
        Lang = language,
        Body = [.. problems.Select(p => new TextBlock { Text = p, Wrap = true, Color = "Attention" })],
    };
}
