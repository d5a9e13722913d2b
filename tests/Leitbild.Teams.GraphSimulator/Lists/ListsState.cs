using System.Text.Json.Nodes;

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>A SharePoint site: https://learn.microsoft.com/graph/api/resources/site</summary>
public sealed class SimSite
{
    public required string HostName { get; init; }
    /// <summary>Server-relative path, e.g. /sites/leitbild.</summary>
    public required string ServerRelativePath { get; init; }
    public required string DisplayName { get; init; }
    public string CollectionId { get; } = Guid.NewGuid().ToString();
    public string WebId { get; } = Guid.NewGuid().ToString();
    /// <summary>Composite id "hostname,siteCollectionId,webId" as Graph returns it.</summary>
    public string Id => $"{HostName},{CollectionId},{WebId}";
    public string WebUrl => $"https://{HostName}{ServerRelativePath}";
    internal List<SimList> Lists { get; } = [];
}

/// <summary>A list with its columns and items: https://learn.microsoft.com/graph/api/resources/list</summary>
public sealed class SimList
{
    public string Id { get; } = Guid.NewGuid().ToString();
    public required string DisplayName { get; init; }
    public required string Template { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
    internal List<JsonObject> Columns { get; } = [];
    internal SortedDictionary<int, SimItem> Items { get; } = [];
    internal int LastItemId { get; set; }

    public IReadOnlyList<JsonObject> ColumnDefinitions => Columns;

    public JsonObject? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals((string?)c["name"], name, StringComparison.Ordinal));
}

/// <summary>A list item: https://learn.microsoft.com/graph/api/resources/listitem</summary>
public sealed class SimItem
{
    public required int Id { get; init; }
    public string ETagGuid { get; init; } = Guid.NewGuid().ToString();
    public int Version { get; set; } = 1;
    /// <summary>SharePoint's item eTag: a quoted "guid,version".</summary>
    public string ETag => $"\"{ETagGuid},{Version}\"";
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }
    public Dictionary<string, JsonNode?> Fields { get; } = new(StringComparer.Ordinal);

    public string? Text(string field) => Fields.TryGetValue(field, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
