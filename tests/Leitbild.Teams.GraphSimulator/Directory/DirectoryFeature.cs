using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leitbild.Teams.GraphSimulator.Directory;

/// <summary>
/// Entra ID as Graph serves it to the directory sync: users (paged), users delta, groups with transitive members,
/// and the app's service principal with its app roles and assignments. Every change a test makes is recorded in a
/// change log, so delta links see exactly what changed since they were issued.
/// </summary>
public sealed class DirectoryFeature : ISimulatorFeature
{
    /// <summary>https://learn.microsoft.com/en-us/graph/api/user-list (Optional query parameters): $top 1–999, default 100.</summary>
    public const int MaxPageSize = 999;
    public const int DefaultPageSize = 100;
    /// <summary>Delta pages are sized by the server (user-delta has no $top); Graph's pages hold about 200.</summary>
    public const int DeltaPageSize = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(long Sequence, string UserId)> _changes = [];
    private readonly Dictionary<string, HashSet<string>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _nestedGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _assignments = [];
    private long _sequence;
    private long _expiredBefore;

    /// <summary>The app's enterprise application (service principal).</summary>
    public string ServicePrincipalId { get; } = "5c6a2b3d-0e1f-4a2b-8c3d-4e5f60718293";
    public string AppId { get; set; } = "22222222-2222-2222-2222-222222222222";
    /// <summary>The app roles of the registration, value → id (GUID), as the manifest defines them.</summary>
    public Dictionary<string, string> AppRoles { get; } = new()
    {
        ["Leitbild.Organizer"] = "0f0b4f3c-5c1e-4e2e-9a55-1a2b3c4d5e61",
        ["Leitbild.Reviewer"] = "0f0b4f3c-5c1e-4e2e-9a55-1a2b3c4d5e62",
    };

    public int UserCount
    {
        get { lock (_gate) { return _users.Count; } }
    }

    public void AddUser(SimulatedUser user)
    {
        lock (_gate)
        {
            _users[user.Id] = user;
            _changes.Add((++_sequence, user.Id));
        }
    }

    public void UpdateUser(string id, Func<SimulatedUser, SimulatedUser> change)
    {
        lock (_gate)
        {
            _users[id] = change(_users[id]);
            _changes.Add((++_sequence, id));
        }
    }

    public void DeleteUser(string id)
    {
        lock (_gate)
        {
            _users.Remove(id);
            _changes.Add((++_sequence, id));
        }
    }

    public void AddGroup(string groupId, IEnumerable<string> memberUserIds, IEnumerable<string>? nestedGroupIds = null)
    {
        lock (_gate)
        {
            _groups[groupId] = memberUserIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
            _nestedGroups[groupId] = nestedGroupIds?.ToList() ?? [];
        }
    }

    /// <summary>Assigns an app role to a user or a group (principalType "User" or "Group").</summary>
    public void AssignRole(string principalId, string principalType, string roleValue)
    {
        lock (_gate)
        {
            _assignments.Add(new JsonObject
            {
                ["id"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='),
                ["appRoleId"] = AppRoles[roleValue],
                ["createdDateTime"] = "2026-11-02T08:00:00Z",
                ["principalDisplayName"] = principalId,
                ["principalId"] = principalId,
                ["principalType"] = principalType,
                ["resourceDisplayName"] = "Leitbild.Teams",
                ["resourceId"] = ServicePrincipalId,
            });
        }
    }

    /// <summary>Every delta link issued so far stops working, as when Graph's change-tracking state runs out.</summary>
    public void ExpireDeltaLinks()
    {
        lock (_gate)
        {
            _expiredBefore = _sequence + 1;
        }
    }

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapGet("users", ListUsers);
        // The SDK calls the fully qualified function name with parentheses; Graph accepts the short form as well.
        v1.MapGet("users/{function}", (string function, HttpRequest request) =>
            function is "delta" or "delta()" or "microsoft.graph.delta()" or "microsoft.graph.delta"
                ? Delta(request)
                : GraphErrors.Result(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{function}' does not exist."));
        v1.MapGet("groups/{id}/transitiveMembers/{cast}", (string id, string cast, HttpRequest request) =>
            cast is "microsoft.graph.user" or "graph.user"
                ? TransitiveUsers(id, request)
                : GraphErrors.Result(StatusCodes.Status400BadRequest, "Request_BadRequest", "Only the user cast is simulated."));
        v1.MapGet("servicePrincipals", ListServicePrincipals);
        v1.MapGet("servicePrincipals/{id}/appRoleAssignedTo", AppRoleAssignedTo);
    }

    // https://learn.microsoft.com/en-us/graph/api/user-list and https://learn.microsoft.com/en-us/graph/paging:
    // {"@odata.context", "value":[...], "@odata.nextLink"} where the next link carries a $skiptoken.
    private IResult ListUsers(HttpRequest request)
    {
        if (!TryTop(request, out var top))
        {
            return GraphErrors.Result(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "Invalid page size specified: the value of $top must be between 1 and 999.");
        }
        var select = Select(request);
        lock (_gate)
        {
            var ordered = _users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
            var skip = Skip(request);
            var page = ordered.Skip(skip).Take(top).ToList();
            var body = Collection(request, "users", page.Select(u => (JsonNode)u.ToJson(select)));
            if (skip + top < ordered.Count)
            {
                body["@odata.nextLink"] = Link(request, "users",
                    [.. request.Query.Where(q => q.Key is "$select" or "$top").Select(q => (q.Key, q.Value.ToString())), ("$skiptoken", (skip + top).ToString(CultureInfo.InvariantCulture))]);
            }
            return Results.Json(body);
        }
    }

    // https://learn.microsoft.com/en-us/graph/api/user-delta and https://learn.microsoft.com/en-us/graph/delta-query-users:
    // pages with @odata.nextLink, the last with @odata.deltaLink; removed users as {"id", "@removed":{"reason"}};
    // "$deltatoken=latest" gives only a deltaLink (https://learn.microsoft.com/en-us/graph/delta-query-overview).
    // An expired token answers 400 syncStateNotFound
    // (https://devblogs.microsoft.com/microsoft365dev/duration-of-change-tracking-tokens-for-identity-and-education-resources/).
    private IResult Delta(HttpRequest request)
    {
        var select = Select(request);
        var token = request.Query["$deltatoken"].ToString();
        lock (_gate)
        {
            if (token == "latest")
            {
                return Results.Json(DeltaPage(request, [], null, _sequence));
            }
            long since = 0;
            if (token.Length > 0)
            {
                if (!long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out since) || since < _expiredBefore)
                {
                    return GraphErrors.Result(StatusCodes.Status400BadRequest, "syncStateNotFound",
                        "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
                }
            }
            var entries = new List<JsonNode>();
            if (token.Length == 0)
            {
                entries.AddRange(_users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => (JsonNode)u.ToJson(select)));
            }
            else
            {
                foreach (var id in _changes.Where(c => c.Sequence > since).Select(c => c.UserId).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    entries.Add(_users.TryGetValue(id, out var user)
                        ? user.ToJson(select)
                        : new JsonObject { ["id"] = id, ["@removed"] = new JsonObject { ["reason"] = "changed" } });
                }
            }
            var skip = Skip(request);
            var page = entries.Skip(skip).Take(DeltaPageSize).Select(e => e.DeepClone()).ToList();
            var more = skip + DeltaPageSize < entries.Count;
            return Results.Json(DeltaPage(request, page, more ? skip + DeltaPageSize : null, _sequence));
        }
    }

    private static JsonObject DeltaPage(HttpRequest request, IEnumerable<JsonNode> page, int? nextSkip, long sequence)
    {
        var body = Collection(request, "users", page);
        var keep = request.Query.Where(q => q.Key is "$select").Select(q => (q.Key, q.Value.ToString())).ToList();
        if (nextSkip is { } skip)
        {
            // The next page keeps the token it continues from, so the delta link at its end covers the same changes.
            var deltaToken = request.Query["$deltatoken"].ToString();
            var parameters = keep.Append(("$skiptoken", skip.ToString(CultureInfo.InvariantCulture)));
            if (deltaToken.Length > 0)
            {
                parameters = parameters.Append(("$deltatoken", deltaToken));
            }
            body["@odata.nextLink"] = Link(request, "users/delta()", [.. parameters]);
        }
        else
        {
            body["@odata.deltaLink"] = Link(request, "users/delta()", [.. keep, ("$deltatoken", sequence.ToString(CultureInfo.InvariantCulture))]);
        }
        return body;
    }

    // https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers: GET /groups/{id}/transitiveMembers/microsoft.graph.user,
    // members of nested groups included; $top up to 999 with @odata.nextLink; 404 Request_ResourceNotFound for an unknown group.
    private IResult TransitiveUsers(string groupId, HttpRequest request)
    {
        if (!TryTop(request, out var top))
        {
            return GraphErrors.Result(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "Invalid page size specified.");
        }
        lock (_gate)
        {
            if (!_groups.ContainsKey(groupId))
            {
                return GraphErrors.Result(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{groupId}' does not exist or one of its queried reference-property objects are not present.");
            }
            var members = Expand(groupId, []).Where(_users.ContainsKey).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var skip = Skip(request);
            var select = Select(request);
            var page = members.Skip(skip).Take(top).Select(id => (JsonNode)_users[id].ToJson(select)).ToList();
            var body = Collection(request, "directoryObjects", page);
            if (skip + top < members.Count)
            {
                body["@odata.nextLink"] = Link(request, $"groups/{groupId}/transitiveMembers/microsoft.graph.user",
                    [.. request.Query.Where(q => q.Key is "$select" or "$top").Select(q => (q.Key, q.Value.ToString())), ("$skiptoken", (skip + top).ToString(CultureInfo.InvariantCulture))]);
            }
            return Results.Json(body);
        }
    }

    private HashSet<string> Expand(string groupId, HashSet<string> seen)
    {
        var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!seen.Add(groupId) || !_groups.TryGetValue(groupId, out var direct))
        {
            return users;
        }
        users.UnionWith(direct);
        foreach (var nested in _nestedGroups.GetValueOrDefault(groupId) ?? [])
        {
            users.UnionWith(Expand(nested, seen));
        }
        return users;
    }

    // https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list with $filter=appId eq '{appId}'; the appRoles shape:
    // https://learn.microsoft.com/en-us/graph/api/resources/approle (id, value, displayName, allowedMemberTypes, isEnabled).
    private IResult ListServicePrincipals(HttpRequest request)
    {
        var filter = request.Query["$filter"].ToString();
        var wanted = filter.StartsWith("appId eq '", StringComparison.Ordinal) ? filter["appId eq '".Length..].TrimEnd('\'') : null;
        var value = new List<JsonNode>();
        if (wanted is null || string.Equals(wanted, AppId, StringComparison.OrdinalIgnoreCase))
        {
            var roles = new JsonArray();
            foreach (var (roleValue, id) in AppRoles)
            {
                roles.Add(new JsonObject
                {
                    ["allowedMemberTypes"] = new JsonArray("User"),
                    ["description"] = roleValue,
                    ["displayName"] = roleValue,
                    ["id"] = id,
                    ["isEnabled"] = true,
                    ["origin"] = "Application",
                    ["value"] = roleValue,
                });
            }
            value.Add(new JsonObject { ["id"] = ServicePrincipalId, ["appId"] = AppId, ["displayName"] = "Leitbild.Teams", ["appRoles"] = roles });
        }
        return Results.Json(Collection(request, "servicePrincipals", value));
    }

    // https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-approleassignedto: appRoleAssignment objects
    // (https://learn.microsoft.com/en-us/graph/api/resources/approleassignment); $top up to 999 with @odata.nextLink.
    private IResult AppRoleAssignedTo(string id, HttpRequest request)
    {
        if (!string.Equals(id, ServicePrincipalId, StringComparison.OrdinalIgnoreCase))
        {
            return GraphErrors.Result(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
        }
        if (!TryTop(request, out var top))
        {
            return GraphErrors.Result(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", "Invalid page size specified.");
        }
        lock (_gate)
        {
            var skip = Skip(request);
            var body = Collection(request, "appRoleAssignments", _assignments.Skip(skip).Take(top).Select(a => a.DeepClone()));
            if (skip + top < _assignments.Count)
            {
                body["@odata.nextLink"] = Link(request, $"servicePrincipals/{id}/appRoleAssignedTo",
                    [.. request.Query.Where(q => q.Key is "$top").Select(q => (q.Key, q.Value.ToString())), ("$skiptoken", (skip + top).ToString(CultureInfo.InvariantCulture))]);
            }
            return Results.Json(body);
        }
    }

    private static JsonObject Collection(HttpRequest request, string context, IEnumerable<JsonNode> value) => new()
    {
        ["@odata.context"] = $"{BaseUrl(request)}$metadata#{context}",
        ["value"] = new JsonArray([.. value]),
    };

    private static bool TryTop(HttpRequest request, out int top)
    {
        top = DefaultPageSize;
        var raw = request.Query["$top"].ToString();
        return raw.Length == 0 || (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out top) && top is >= 1 and <= MaxPageSize);
    }

    private static int Skip(HttpRequest request) =>
        int.TryParse(request.Query["$skiptoken"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var skip) ? skip : 0;

    private static IReadOnlyCollection<string>? Select(HttpRequest request) =>
        request.Query["$select"].ToString() is { Length: > 0 } raw ? raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}/v1.0/";

    private static string Link(HttpRequest request, string path, params (string Key, string Value)[] parameters) =>
        $"{BaseUrl(request)}{path}?{string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))}";
}
