using System.Globalization;
using System.Text.Json;
using Leitbild.Teams.Graph.Client;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>
/// Reads list item field values whichever way they arrive: Kiota's AdditionalData (strings, numbers, dates or
/// UntypedNode) or raw JSON from a $batch step. SharePoint returns numbers as 4 or 4.0 and dates as ISO strings.
/// </summary>
internal static class FieldValues
{
    public static string? Text(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? AsText(value) : null;

    public static double? Number(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? AsNumber(value) : null;

    public static DateTimeOffset? Date(IReadOnlyDictionary<string, object?> fields, string name) => fields.TryGetValue(name, out var value) ? value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
        _ when AsText(value) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    } : null;

    public static Dictionary<string, object?> FromJson(JsonElement fields)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in fields.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }
        return result;
    }

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement e => e.GetRawText(),
        UntypedString u => u.GetValue(),
        UntypedNull => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static double? AsNumber(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        decimal m => (double)m,
        int i => i,
        long l => l,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        UntypedDouble u => u.GetValue(),
        UntypedFloat u => u.GetValue(),
        UntypedDecimal u => (double)u.GetValue(),
        UntypedInteger u => u.GetValue(),
        UntypedLong u => u.GetValue(),
        _ when AsText(value) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
