using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Cards;

/// <summary>Base of everything in a card body. Add new element types here with one JsonDerivedType line.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(Container), "Container")]
public abstract record CardElement
{
    public string? Id { get; init; }
    /// <summary>None, Small, Default, Medium, Large, ExtraLarge, Padding.</summary>
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
}

public sealed record TextBlock : CardElement
{
    public required string Text { get; init; }
    public bool? Wrap { get; init; }
    /// <summary>Small, Default, Medium, Large, ExtraLarge.</summary>
    public string? Size { get; init; }
    /// <summary>Lighter, Default, Bolder.</summary>
    public string? Weight { get; init; }
    public bool? IsSubtle { get; init; }
    /// <summary>default or heading.</summary>
    public string? Style { get; init; }
}

public sealed record FactSet : CardElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}

public sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed record ActionSet : CardElement
{
    public required IReadOnlyList<CardAction> Actions { get; init; }
}

public sealed record Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }
    /// <summary>default, emphasis, good, attention, warning, accent.</summary>
    public string? Style { get; init; }
}
