using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Cards;

/// <summary>Base of everything in a card body. Add new element types here with one JsonDerivedType line.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputTime), "Input.Time")]
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
    /// <summary>Default, Dark, Light, Accent, Good, Warning, Attention.</summary>
    public string? Color { get; init; }
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

/// <summary>Text with runs of different weight or colour in one paragraph.</summary>
public sealed record RichTextBlock : CardElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }
}

public sealed record TextRun
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TextRun";
    public required string Text { get; init; }
    public string? Weight { get; init; }
    /// <summary>Default, Dark, Light, Accent, Good, Warning, Attention.</summary>
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
}

public sealed record ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
}

public sealed record Column
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "Column";
    public required IReadOnlyList<CardElement> Items { get; init; }
    /// <summary>"auto", "stretch", or a weight such as "2".</summary>
    public string? Width { get; init; }
    public string? VerticalContentAlignment { get; init; }
}

/// <summary>A table (card schema 1.5).</summary>
public sealed record Table : CardElement
{
    public required IReadOnlyList<TableColumnDefinition> Columns { get; init; }
    public required IReadOnlyList<TableRow> Rows { get; init; }
    public bool? FirstRowAsHeader { get; init; }
    public bool? ShowGridLines { get; init; }
}

public sealed record TableColumnDefinition(
    [property: JsonPropertyName("width")] int Width);

public sealed record TableRow
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TableRow";
    public required IReadOnlyList<TableCell> Cells { get; init; }
}

public sealed record TableCell
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TableCell";
    public required IReadOnlyList<CardElement> Items { get; init; }
}

/// <summary>Base of inputs: their values travel with Action.Execute / Action.Submit under <see cref="CardElement.Id"/>.</summary>
public abstract record CardInput : CardElement
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record InputChoiceSet : CardInput
{
    public required IReadOnlyList<Choice> Choices { get; init; }
    public bool? IsMultiSelect { get; init; }
    /// <summary>compact (drop-down) or expanded (radio buttons / check boxes).</summary>
    public string? Style { get; init; }
    /// <summary>The chosen value(s), comma-separated for multi-select.</summary>
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? Wrap { get; init; }
}

public sealed record Choice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed record InputText : CardInput
{
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
}

public sealed record InputToggle : CardInput
{
    public required string Title { get; init; }
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
}

/// <summary>A date; the value travels as yyyy-MM-dd.</summary>
public sealed record InputDate : CardInput
{
    public string? Value { get; init; }
    public string? Min { get; init; }
}

/// <summary>A time of day; the value travels as HH:mm.</summary>
public sealed record InputTime : CardInput
{
    public string? Value { get; init; }
}
