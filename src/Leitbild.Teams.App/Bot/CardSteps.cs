using System.Text.Json;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.App.Bot;

/// <summary>A card step: the action's data and inputs in, the card that replaces the pressed one out.</summary>
public delegate Task<AdaptiveCard> CardStep(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken);

/// <summary>
/// Runs one card step for both ways a button arrives: Action.Execute (the invoke response replaces the card for the
/// person who pressed it) and the Action.Submit fallback of older clients (the card is replaced through the connector).
/// </summary>
public static class CardSteps
{
    public static BotRoutes OnCardStep(this BotRoutes routes, string verb, CardStep step) => routes
        .OnCardAction(verb, async (turn, action, ct) => InvokeResponse.Card(await step(turn, Values(action.Data), ct)))
        .OnSubmit(verb, async (turn, data, ct) =>
        {
            var card = await step(turn, Values(data), ct);
            if (turn.Activity.ReplyToId is { Length: > 0 } cardMessageId)
            {
                await turn.UpdateCardAsync(cardMessageId, card, ct);
            }
            else
            {
                await turn.SendCardAsync(card, ct);
            }
        });

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
}
