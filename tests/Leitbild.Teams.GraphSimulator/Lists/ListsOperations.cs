using System.Globalization;
using System.Text.Json.Nodes;

namespace Leitbild.Teams.GraphSimulator.Lists;

public sealed partial class ListsFeature
{
    private static readonly string[] ColumnTypes = ["text", "number", "choice", "dateTime", "boolean"];

    /// <summary>Routes one request (HTTP or $batch step) to the operation its method and path name.</summary>
    internal SimResult Dispatch(SimRequest request)
    {
        var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        if (segments.Count < 2 || segments[0] != "sites")
        {
            return SimResult.Error(400, "BadRequest", $"Resource not found for the segment '{request.Path}'.");
        }
        lock (_gate)
        {
            var (site, rest) = ResolveSite(segments);
            if (site is null)
            {
                return SimResult.NotFound("site");
            }
            var method = request.Method.ToUpperInvariant();
            return (rest.Count, method) switch
            {
                (0, "GET") => SimResult.Json(200, SiteJson(site)),
                (1, "GET") when rest[0] == "lists" => SimResult.Json(200, new JsonObject { ["value"] = new JsonArray(site.Lists.Select(l => (JsonNode)ListJson(site, l)).ToArray()) }),
                (1, "POST") when rest[0] == "lists" => CreateList(site, request),
                _ when rest.Count >= 2 && rest[0] == "lists" => WithList(site, rest, method, request),
                _ => SimResult.Error(400, "BadRequest", $"Resource not found for the segment '{string.Join('/', rest)}'."),
            };
        }
    }

    private SimResult WithList(SimSite site, List<string> rest, string method, SimRequest request)
    {
        var list = site.Lists.FirstOrDefault(l => l.Id == rest[1]) ?? site.Lists.FirstOrDefault(l => l.DisplayName == rest[1]);
        if (list is null)
        {
            return SimResult.NotFound(rest[1]);
        }
        return (rest.Count, method) switch
        {
            (2, "GET") => SimResult.Json(200, ListJson(site, list)),
            (3, "GET") when rest[2] == "columns" => SimResult.Json(200, new JsonObject { ["value"] = new JsonArray(list.Columns.Select(c => c.DeepClone()).ToArray()) }),
            (3, "POST") when rest[2] == "columns" => CreateColumn(list, request.Body as JsonObject),
            (3, "GET") when rest[2] == "items" => ListItems(site, list, request),
            (3, "POST") when rest[2] == "items" => CreateItem(site, list, request),
            (4, "GET") when rest[2] == "items" => WithItem(list, rest[3], item => SimResult.Json(200, ItemJson(site, list, item, expandFields: Expands(request)))),
            (4, "DELETE") when rest[2] == "items" => WithItem(list, rest[3], item => DeleteItem(list, item)),
            (5, "GET") when rest[2] == "items" && rest[4] == "fields" => WithItem(list, rest[3], item => SimResult.Json(200, FieldsJson(item))),
            (5, "PATCH") when rest[2] == "items" && rest[4] == "fields" => WithItem(list, rest[3], item => UpdateFields(list, item, request)),
            _ => SimResult.Error(400, "BadRequest", $"Resource not found for the segment '{string.Join('/', rest)}'."),
        };
    }

    /// <summary>
    /// Site by id (hostname,siteCollectionId,webId) or by path (hostname:/server-relative-path):
    /// https://learn.microsoft.com/graph/api/site-get and https://learn.microsoft.com/graph/api/site-getbypath
    /// </summary>
    private (SimSite? Site, List<string> Remaining) ResolveSite(List<string> segments)
    {
        var first = segments[1];
        if (!first.Contains(':', StringComparison.Ordinal))
        {
            return (_sites.FirstOrDefault(s => string.Equals(s.Id, first, StringComparison.OrdinalIgnoreCase)), segments[2..]);
        }
        var host = first.TrimEnd(':');
        var pathParts = new List<string>();
        var index = 2;
        for (; index < segments.Count; index++)
        {
            var part = segments[index];
            if (part.EndsWith(':'))
            {
                pathParts.Add(part.TrimEnd(':'));
                index++;
                break;
            }
            pathParts.Add(part);
        }
        var path = "/" + string.Join('/', pathParts);
        var site = _sites.FirstOrDefault(s => string.Equals(s.HostName, host, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.ServerRelativePath.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        return (site, segments[index..]);
    }

    /// <summary>POST /sites/{site-id}/lists: https://learn.microsoft.com/graph/api/list-create (201 and the list).</summary>
    private SimResult CreateList(SimSite site, SimRequest request)
    {
        if (request.Body is not JsonObject body || body["displayName"]?.GetValue<string>() is not { Length: > 0 } displayName)
        {
            return SimResult.Error(400, "invalidRequest", "displayName is required.");
        }
        if (site.Lists.Any(l => string.Equals(l.DisplayName, displayName, StringComparison.OrdinalIgnoreCase)))
        {
            return SimResult.Error(409, "nameAlreadyExists", "A list, survey, discussion board, or document library with the specified title already exists in this Web site.");
        }
        var template = body["list"]?["template"]?.GetValue<string>() ?? "genericList";
        var list = new SimList { DisplayName = displayName, Template = template, CreatedDateTime = Time.GetUtcNow() };
        // "If the list facet or template is unspecified, the list defaults to the genericList template, which includes a Title column."
        list.Columns.Add(new JsonObject
        {
            ["id"] = "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
            ["name"] = "Title",
            ["displayName"] = "Title",
            ["indexed"] = false,
            ["hidden"] = false,
            ["text"] = new JsonObject { ["allowMultipleLines"] = false, ["maxLength"] = 255 },
        });
        foreach (var column in (body["columns"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var created = CreateColumn(list, column);
            if (created.Status != 201)
            {
                return created;
            }
        }
        // Every new list gets SharePoint's default view.
        list.ViewList.Add(new SimView(Guid.NewGuid().ToString(), "All Items", ["LinkTitle"], "", $"{site.ServerRelativePath}/Lists/{Uri.EscapeDataString(displayName)}/AllItems.aspx") { DefaultView = true });
        site.Lists.Add(list);
        return SimResult.Json(201, ListJson(site, list));
    }

    /// <summary>POST /sites/{site-id}/lists/{list-id}/columns: https://learn.microsoft.com/graph/api/list-post-columns</summary>
    private static SimResult CreateColumn(SimList list, JsonObject? body)
    {
        if (body?["name"]?.GetValue<string>() is not { Length: > 0 } name)
        {
            return SimResult.Error(400, "invalidRequest", "The column name is required.");
        }
        var facets = ColumnTypes.Where(t => body[t] is not null).ToList();
        if (facets.Count != 1)
        {
            return SimResult.Error(400, "invalidRequest", $"Column '{name}' needs exactly one type facet.");
        }
        if (list.Column(name) is not null)
        {
            return SimResult.Error(400, "invalidRequest", $"A duplicate field name \"{name}\" was found.");
        }
        var column = (JsonObject)body.DeepClone();
        column["id"] = Guid.NewGuid().ToString();
        column["displayName"] ??= name;
        column["indexed"] ??= false;
        column["hidden"] ??= false;
        list.Columns.Add(column);
        return SimResult.Json(201, column.DeepClone());
    }

    /// <summary>
    /// GET /sites/{site-id}/lists/{list-id}/items with $expand=fields, $filter on fields, $top and @odata.nextLink:
    /// https://learn.microsoft.com/graph/api/listitem-list. Filters on a column that is not indexed need
    /// "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly" and fail past the list view threshold
    /// (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
    /// </summary>
    private SimResult ListItems(SimSite site, SimList list, SimRequest request)
    {
        IEnumerable<SimItem> items = list.Items.Values;
        if (request.Option("filter") is { Length: > 0 } filterText)
        {
            if (!ItemFilter.TryParse(filterText, out var filter) || filter is null)
            {
                return SimResult.Error(400, "invalidRequest", "Invalid filter clause");
            }
            var notIndexed = filter.Conditions.Select(c => c.Field)
                .FirstOrDefault(f => list.Column(f) is not { } column || column["indexed"]?.GetValue<bool>() != true);
            if (notIndexed is not null)
            {
                var honour = (request.Header("Prefer") ?? "").Contains("HonorNonIndexedQueriesWarningMayFailRandomly", StringComparison.OrdinalIgnoreCase);
                if (!honour)
                {
                    return SimResult.Error(400, "invalidRequest",
                        $"Field '{notIndexed}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.");
                }
                if (list.Items.Count > ListViewThreshold)
                {
                    // SharePoint's SPQueryThrottledException, which the REST API reports as 500.
                    return SimResult.Error(500, "generalException", "The attempted operation is prohibited because it exceeds the list view threshold.");
                }
            }
            items = items.Where(filter.Matches);
        }
        var top = int.TryParse(request.Option("top"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var requested) && requested > 0
            ? Math.Min(requested, MaxPageSize)
            : DefaultPageSize;
        var after = int.TryParse(request.Option("skiptoken"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var skip) ? skip : 0;
        var page = items.Where(i => i.Id > after).Take(top + 1).ToList();
        var expand = Expands(request);
        var result = new JsonObject
        {
            ["@odata.context"] = $"{request.BaseUrl}$metadata#sites('{site.Id}')/lists('{list.Id}')/items",
            ["value"] = new JsonArray(page.Take(top).Select(i => (JsonNode)ItemJson(site, list, i, expand)).ToArray()),
        };
        if (page.Count > top)
        {
            var query = request.Query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("skiptoken", StringComparison.OrdinalIgnoreCase))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")
                .Append($"$skiptoken={page[top - 1].Id}");
            result["@odata.nextLink"] = $"{request.BaseUrl}sites/{site.Id}/lists/{list.Id}/items?{string.Join('&', query)}";
        }
        return SimResult.Json(200, result);
    }

    /// <summary>POST /sites/{site-id}/lists/{list-id}/items {"fields":{...}}: https://learn.microsoft.com/graph/api/listitem-create (201).</summary>
    private SimResult CreateItem(SimSite site, SimList list, SimRequest request)
    {
        if (request.Body?["fields"] is not JsonObject fields)
        {
            return SimResult.Error(400, "invalidRequest", "The request body needs a fields object.");
        }
        if (CheckFields(list, fields) is { } error)
        {
            return error;
        }
        var now = Time.GetUtcNow();
        var item = new SimItem { Id = ++list.LastItemId, Created = now, Modified = now };
        foreach (var (key, value) in fields)
        {
            item.Fields[key] = value?.DeepClone();
        }
        list.Items.Add(item.Id, item);
        return SimResult.Json(201, ItemJson(site, list, item, expandFields: true));
    }

    /// <summary>
    /// PATCH /sites/{site-id}/lists/{list-id}/items/{item-id}/fields with optional If-Match: a stale eTag gives
    /// 412 Precondition Failed and leaves the item alone; success is 200 with the fieldValueSet
    /// (https://learn.microsoft.com/graph/api/listitem-update).
    /// </summary>
    private SimResult UpdateFields(SimList list, SimItem item, SimRequest request)
    {
        if (request.Body is not JsonObject fields)
        {
            return SimResult.Error(400, "invalidRequest", "The request body must be a fieldValueSet.");
        }
        var ifMatch = request.Header("If-Match");
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != item.ETag)
        {
            return SimResult.Error(412, "preconditionFailed", $"The request ETag value '{ifMatch}' does not match the object's ETag value '{item.ETag}'.");
        }
        if (CheckFields(list, fields) is { } error)
        {
            return error;
        }
        foreach (var (key, value) in fields)
        {
            item.Fields[key] = value?.DeepClone();
        }
        item.Version++;
        item.Modified = Time.GetUtcNow();
        return SimResult.Json(200, FieldsJson(item));
    }

    /// <summary>
    /// DELETE /sites/{site-id}/lists/{list-id}/items/{item-id}: 204 No Content and no body; an item already gone is 404
    /// (https://learn.microsoft.com/graph/api/listitem-delete).
    /// </summary>
    private static SimResult DeleteItem(SimList list, SimItem item)
    {
        list.Items.Remove(item.Id);
        return new SimResult(204, null);
    }

    /// <summary>Unknown columns and values of the wrong type are refused with 400, as SharePoint does.</summary>
    private static SimResult? CheckFields(SimList list, JsonObject fields)
    {
        foreach (var (name, value) in fields)
        {
            if (list.Column(name) is not { } column)
            {
                return SimResult.Error(400, "invalidRequest", $"Field '{name}' is not recognized");
            }
            if (value is null)
            {
                continue;
            }
            var kind = value.GetValueKind();
            var ok = column switch
            {
                _ when column["number"] is not null => kind == System.Text.Json.JsonValueKind.Number,
                _ when column["boolean"] is not null => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
                _ when column["dateTime"] is not null => kind == System.Text.Json.JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ when column["choice"] is JsonObject choice => kind == System.Text.Json.JsonValueKind.String
                    && (choice["allowTextEntry"]?.GetValue<bool>() == true || (choice["choices"] as JsonArray ?? []).Any(c => c?.GetValue<string>() == value.GetValue<string>())),
                _ when column["text"] is JsonObject text => kind == System.Text.Json.JsonValueKind.String
                    && value.GetValue<string>().Length <= (text["allowMultipleLines"]?.GetValue<bool>() == true ? 63999 : text["maxLength"]?.GetValue<int>() ?? 255),
                _ => true,
            };
            if (!ok)
            {
                return SimResult.Error(400, "invalidRequest", $"The value of field '{name}' is not valid for its column type.");
            }
        }
        return null;
    }

    private static SimResult WithItem(SimList list, string id, Func<SimItem, SimResult> then) =>
        int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && list.Items.TryGetValue(number, out var item)
            ? then(item)
            : SimResult.NotFound(id);

    private static bool Expands(SimRequest request) =>
        (request.Option("expand") ?? "").Split(',').Any(e => e.Trim().StartsWith("fields", StringComparison.Ordinal));

    private static JsonObject SiteJson(SimSite site) => new()
    {
        ["id"] = site.Id,
        ["name"] = site.ServerRelativePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? site.HostName,
        ["displayName"] = site.DisplayName,
        ["webUrl"] = site.WebUrl,
        ["siteCollection"] = new JsonObject { ["hostname"] = site.HostName },
    };

    private static JsonObject ListJson(SimSite site, SimList list) => new()
    {
        ["id"] = list.Id,
        ["name"] = list.DisplayName,
        ["displayName"] = list.DisplayName,
        ["createdDateTime"] = list.CreatedDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["webUrl"] = $"{site.WebUrl}/Lists/{Uri.EscapeDataString(list.DisplayName)}",
        ["list"] = new JsonObject { ["template"] = list.Template, ["hidden"] = false, ["contentTypesEnabled"] = false },
    };

    private static JsonObject ItemJson(SimSite site, SimList list, SimItem item, bool expandFields)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = item.ETag,
            ["id"] = item.Id.ToString(CultureInfo.InvariantCulture),
            ["eTag"] = item.ETag,
            ["createdDateTime"] = item.Created.ToString("O", CultureInfo.InvariantCulture),
            ["lastModifiedDateTime"] = item.Modified.ToString("O", CultureInfo.InvariantCulture),
            ["webUrl"] = $"{site.WebUrl}/Lists/{Uri.EscapeDataString(list.DisplayName)}/{item.Id}_.000",
        };
        if (expandFields)
        {
            json["fields"] = FieldsJson(item);
        }
        return json;
    }

    private static JsonObject FieldsJson(SimItem item)
    {
        var fields = new JsonObject
        {
            ["@odata.etag"] = item.ETag,
            ["id"] = item.Id.ToString(CultureInfo.InvariantCulture),
            ["Created"] = item.Created.ToString("O", CultureInfo.InvariantCulture),
            ["Modified"] = item.Modified.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in item.Fields)
        {
            fields[key] = value?.DeepClone();
        }
        return fields;
    }
}
