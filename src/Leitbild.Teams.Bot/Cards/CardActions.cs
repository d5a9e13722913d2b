using System.Text.Json;
using System.Text.Json.Serialization;
using Leitbild.Teams.Bot.Routing;

namespace Leitbild.Teams.Bot.Cards;

/// <summary>Base of card actions. Add new action types here with one JsonDerivedType line.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    /// <summary>default, positive, destructive.</summary>
    public string? Style { get; init; }
    /// <summary>An action object to show on clients that do not know this one (the schema allows an action or "drop").</summary>
    public CardAction? Fallback { get; init; }
}

/// <summary>Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and answers with a new card.</summary>
public sealed record ExecuteAction : CardAction
{
    public string? Verb { get; init; }
    public JsonElement? Data { get; init; }

    /// <summary>
    /// Action.Execute with an Action.Submit fallback carrying the same verb in its data, so older Teams clients
    /// reach the same route (<see cref="BotRoutes.OnSubmit"/>). DESIGN.md writes the fallback as the string
    /// "Action.Submit"; the official 1.5 schema only allows an action object or "drop", so it is an object.
    /// </summary>
    public static ExecuteAction WithSubmitFallback(string verb, string title, IReadOnlyDictionary<string, string>? data = null)
    {
        var payload = new Dictionary<string, string>(data ?? new Dictionary<string, string>()) { [RouteKeys.Verb] = verb };
        var element = Schema.BotJson.ToElement(payload);
        return new ExecuteAction
        {
            Verb = verb,
            Title = title,
            Data = element,
            Fallback = new SubmitAction { Title = title, Data = element },
        };
    }
}

/// <summary>Classic submit: Teams posts a message activity whose <c>value</c> is <see cref="Data"/> plus the card's inputs.</summary>
public sealed record SubmitAction : CardAction
{
    public JsonElement? Data { get; init; }

    /// <summary>A submit routed by verb (<c>data.verb</c>), see <see cref="BotRoutes.OnSubmit"/>.</summary>
    public static SubmitAction ForVerb(string verb, string title, IReadOnlyDictionary<string, string>? data = null)
    {
        var payload = new Dictionary<string, string>(data ?? new Dictionary<string, string>()) { [RouteKeys.Verb] = verb };
        return new SubmitAction { Title = title, Data = Schema.BotJson.ToElement(payload) };
    }
}

public sealed record OpenUrlAction : CardAction
{
    public required string Url { get; init; }
}

/// <summary>Shows a nested card below the actions (e.g. details) without a round trip.</summary>
public sealed record ShowCardAction : CardAction
{
    public required AdaptiveCard Card { get; init; }
}
