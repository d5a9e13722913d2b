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

    /// <summary>Site users and groups by login name → principal id (SharePoint's User Information List).</summary>
    public Dictionary<string, int> Principals { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Leitbild Owners"] = 3,
        ["Leitbild Members"] = 5,
        ["Leitbild Visitors"] = 4,
    };

    /// <summary>The site's role assignments (principal → role definition ids), which lists inherit: the default groups of a team site.</summary>
    public Dictionary<int, List<int>> RoleAssignments { get; } = new()
    {
        [3] = [SimRoles.FullControl],
        [5] = [SimRoles.Edit],
        [4] = [SimRoles.Read],
    };

    internal int LastPrincipalId { get; set; } = 20;
}

/// <summary>SharePoint Online's built-in role definitions: ids and SP.RoleType values.</summary>
public static class SimRoles
{
    public const int Read = 1073741826;
    public const int Contribute = 1073741827;
    public const int FullControl = 1073741829;
    public const int Edit = 1073741830;

    /// <summary>The principal an app-only caller becomes in SharePoint (its own site user).</summary>
    public const int AppPrincipal = 11;

    public static readonly IReadOnlyDictionary<int, (int Id, string Name)> ByType = new Dictionary<int, (int, string)>
    {
        [2] = (Read, "Read"),
        [3] = (Contribute, "Contribute"),
        [5] = (FullControl, "Full Control"),
        [6] = (Edit, "Edit"),
    };
}

/// <summary>A public list view as SharePoint REST returns it (SP.View).</summary>
public sealed record SimView(string Id, string Title, IReadOnlyList<string> Fields, string Query, string ServerRelativeUrl)
{
    public bool DefaultView { get; set; }
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

    internal List<SimView> ViewList { get; } = [];

    public IReadOnlyList<SimView> Views => ViewList;

    /// <summary>Null while the list inherits the site's permissions; its own assignments once inheritance is broken.</summary>
    public Dictionary<int, List<int>>? UniqueRoleAssignments { get; internal set; }

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
