using System.Text.Json;
using Leitbild.Teams.Core.Directory;

namespace Leitbild.Teams.Graph.Directory;

/// <summary>
/// Reads one <c>users/delta</c> page (https://learn.microsoft.com/en-us/graph/api/user-delta, Response): a property
/// that is present was changed, also when it is null; one that is absent was not.
/// </summary>
internal static class DeltaChanges
{
    public static IEnumerable<EntraUserChange> From(JsonDocument page)
    {
        if (!page.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new EntraReadException("delta-page-without-value");
        }
        foreach (var entry in value.EnumerateArray())
        {
            if (!entry.TryGetProperty("id", out var id) || id.GetString() is not { Length: > 0 } userId)
            {
                continue;
            }
            if (entry.TryGetProperty("@removed", out _))
            {
                yield return new EntraUserChange(userId, true, new Dictionary<string, string?>());
                continue;
            }
            var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var name in EntraUserChange.Selected.Where(n => n != "id"))
            {
                if (entry.TryGetProperty(name, out var property))
                {
                    properties[name] = Text(property);
                }
            }
            yield return new EntraUserChange(userId, false, properties);
        }
    }

    public static string? Link(JsonDocument page, string name) =>
        page.RootElement.TryGetProperty(name, out var link) && link.GetString() is { Length: > 0 } text ? text : null;

    private static string? Text(JsonElement property) => property.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => property.GetString(),
        _ => property.GetRawText(),
    };
}
