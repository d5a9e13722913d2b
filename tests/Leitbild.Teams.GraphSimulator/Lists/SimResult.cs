using System.Text.Json.Nodes;

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>One request as the lists feature sees it, whether it came over HTTP or as a step of a $batch.</summary>
internal sealed record SimRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string BaseUrl)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Graph accepts system query options with and without '$' (https://learn.microsoft.com/graph/query-parameters).</summary>
    public string? Option(string name) =>
        Query.TryGetValue("$" + name, out var value) || Query.TryGetValue(name, out value) ? value : null;

    public static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var index = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((index < 0 ? pair : pair[..index]).Replace('+', ' '));
            var value = index < 0 ? "" : Uri.UnescapeDataString(pair[(index + 1)..].Replace('+', ' '));
            result[key] = value;
        }
        return result;
    }
}

/// <summary>A response before it is written: status, headers and a JSON body (null for none).</summary>
internal sealed record SimResult(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SimResult Json(int status, JsonNode body) => new(status, body);

    public static SimResult Error(int status, string code, string message) =>
        new(status, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(GraphErrors.Body(code, message))));

    public static SimResult NotFound(string what) => Error(404, "itemNotFound", $"The resource '{what}' could not be found.");
}
