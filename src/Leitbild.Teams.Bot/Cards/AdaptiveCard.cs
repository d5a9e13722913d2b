using System.Text.Json.Serialization;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Cards;

/// <summary>
/// A small typed Adaptive Card model (schema 1.5). Elements and actions are records under one base each with a
/// "type" discriminator, so a new element is one record plus one <c>[JsonDerivedType]</c> line on its base.
/// Only members the app emits are modelled; everything must validate against the official 1.5 schema.
/// </summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "AdaptiveCard";

    public string Version { get; init; } = "1.5";

    /// <summary>ISO-639-1 language of the card's text (de, en).</summary>
    public string? Lang { get; init; }

    public string? FallbackText { get; init; }

    public CardRefresh? Refresh { get; init; }

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>The card as a message attachment.</summary>
    public Attachment ToAttachment() => new() { ContentType = ContentTypes.AdaptiveCard, Content = BotJson.ToElement(this) };

    /// <summary>The invoke response that replaces the card for the person who pressed an Action.Execute.</summary>
    public AdaptiveCardInvokeResponse ToInvokeResponse() =>
        new() { StatusCode = 200, Type = ContentTypes.AdaptiveCard, Value = BotJson.ToElement(this) };
}

/// <summary>Refresh an Action.Execute automatically for up to 60 listed users (userIds: [] means manual refresh only).</summary>
public sealed record CardRefresh
{
    /// <summary>Declared as the base type so the "type" discriminator is written; must be an <see cref="ExecuteAction"/>.</summary>
    public required CardAction Action { get; init; }
    public IReadOnlyList<string>? UserIds { get; init; }
}
