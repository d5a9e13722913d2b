using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leitbild.Teams.Bot.Tests.Schema;

/// <summary>Compares two JSON documents member by member; timestamps compare by instant (+00:00 equals Z).</summary>
public static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var difference = FindDifference(JsonNode.Parse(expected), JsonNode.Parse(actual), "$");
        Assert.True(difference is null, $"JSON differs at {difference}\nexpected: {expected}\nactual: {actual}");
    }

    private static string? FindDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a)
        {
            case null:
                return b is null ? null : path;
            case JsonObject oa when b is JsonObject ob:
                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}.{key} (missing)";
                    }
                    if (FindDifference(value, other, $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }
                return oa.Count == ob.Count ? null : $"{path} (extra members: {string.Join(",", ob.Select(p => p.Key).Except(oa.Select(p => p.Key)))})";
            case JsonArray aa when b is JsonArray ab:
                if (aa.Count != ab.Count)
                {
                    return $"{path} (length)";
                }
                for (var i = 0; i < aa.Count; i++)
                {
                    if (FindDifference(aa[i], ab[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValue va when b is JsonValue vb:
                if (JsonNode.DeepEquals(va, vb))
                {
                    return null;
                }
                if (va.GetValueKind() == JsonValueKind.String && vb.GetValueKind() == JsonValueKind.String
                    && DateTimeOffset.TryParse(va.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var da)
                    && DateTimeOffset.TryParse(vb.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var db)
                    && da == db && da.Offset == db.Offset)
                {
                    return null;
                }
                return path;
            default:
                return path;
        }
    }
}
