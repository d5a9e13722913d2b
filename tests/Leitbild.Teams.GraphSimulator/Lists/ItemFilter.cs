using System.Globalization;
using System.Text.Json.Nodes;

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>
/// The part of OData $filter on list items that the simulator understands: <c>fields/Name eq 'text'</c> or
/// <c>fields/Name eq 42</c>, joined by <c>and</c>. Example from the docs:
/// GET /sites/{site-id}/lists/{list-id}/items?$expand=fields&amp;$filter=fields/Color eq 'Red'
/// (https://learn.microsoft.com/graph/api/listitem-list).
/// </summary>
internal sealed record ItemFilter(IReadOnlyList<(string Field, JsonNode? Value)> Conditions)
{
    public static bool TryParse(string filter, out ItemFilter? result)
    {
        result = null;
        var conditions = new List<(string, JsonNode?)>();
        var rest = filter.Trim();
        while (rest.Length > 0)
        {
            if (!rest.StartsWith("fields/", StringComparison.Ordinal))
            {
                return false;
            }
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                return false;
            }
            var field = rest["fields/".Length..space];
            rest = rest[space..].TrimStart();
            if (!rest.StartsWith("eq ", StringComparison.Ordinal))
            {
                return false;
            }
            rest = rest[3..].TrimStart();
            JsonNode? value;
            if (rest.StartsWith('\''))
            {
                var text = new System.Text.StringBuilder();
                var i = 1;
                while (true)
                {
                    if (i >= rest.Length)
                    {
                        return false;
                    }
                    if (rest[i] == '\'')
                    {
                        if (i + 1 < rest.Length && rest[i + 1] == '\'')
                        {
                            text.Append('\'');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    text.Append(rest[i++]);
                }
                value = JsonValue.Create(text.ToString());
                rest = rest[(i + 1)..].TrimStart();
            }
            else
            {
                var end = rest.IndexOf(' ', StringComparison.Ordinal);
                var token = end < 0 ? rest : rest[..end];
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }
                value = JsonValue.Create(number);
                rest = end < 0 ? "" : rest[end..].TrimStart();
            }
            conditions.Add((field, value));
            if (rest.Length == 0)
            {
                break;
            }
            if (!rest.StartsWith("and ", StringComparison.Ordinal))
            {
                return false;
            }
            rest = rest[4..].TrimStart();
        }
        result = new ItemFilter(conditions);
        return conditions.Count > 0;
    }

    public bool Matches(SimItem item) => Conditions.All(c =>
    {
        item.Fields.TryGetValue(c.Field, out var actual);
        return SameValue(actual, c.Value);
    });

    /// <summary>Strings compare as text, numbers as numbers (SharePoint returns 4 as 4.0).</summary>
    public static bool SameValue(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind())
        {
            return false;
        }
        return kind == System.Text.Json.JsonValueKind.Number
            ? double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture).Equals(double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture))
            : a.ToJsonString() == b.ToJsonString();
    }
}
