using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>
/// The part of SharePoint's own REST API (https://{host}/{site}/_api/...) that Graph v1.0 has no counterpart for: list
/// views and a list's permissions, on the same sites and lists the Graph routes serve. Verbose OData as in the documented
/// examples (https://learn.microsoft.com/sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints):
/// entities under "d", collections under "d.results", errors as {"error":{"code","message":{"lang","value"}}}.
/// </summary>
public sealed partial class ListsFeature
{
    public void MapRoot(IEndpointRouteBuilder root) => root.MapMethods("sites/{**rest}", ["GET", "POST"], HandleRestAsync);

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = await ReadAsync(context, pathPrefix: "");
        var result = request is null ? RestError(400, "Invalid JSON in the request body.") : Rest(request, context.Request.Path.Value ?? "");
        await WriteAsync(context, result);
    }

    private SimResult Rest(SimRequest request, string path)
    {
        if (!(request.Header("Authorization") ?? "").StartsWith("Bearer ", StringComparison.Ordinal) || request.Header("Authorization")!.Length <= "Bearer ".Length)
        {
            return RestError(401, "Access denied: a bearer token is required.", "-2147024891, System.UnauthorizedAccessException");
        }
        var at = path.IndexOf("/_api/", StringComparison.Ordinal);
        if (at < 0)
        {
            return RestError(404, "Only the REST API under _api is simulated.");
        }
        var sitePath = path[..at];
        var call = Uri.UnescapeDataString(path[(at + "/_api/".Length)..]);
        lock (_gate)
        {
            var site = _sites.FirstOrDefault(s => string.Equals(s.ServerRelativePath.TrimEnd('/'), sitePath, StringComparison.OrdinalIgnoreCase));
            if (site is null)
            {
                return RestError(404, "The site does not exist.");
            }
            var method = request.Method.ToUpperInvariant();
            if (ListCall().Match(call) is { Success: true } listMatch)
            {
                var title = listMatch.Groups["title"].Value.Replace("''", "'", StringComparison.Ordinal);
                var list = site.Lists.FirstOrDefault(l => l.DisplayName == title);
                return list is null
                    ? RestError(404, $"List '{title}' does not exist at site with URL '{site.WebUrl}'.", "-1, System.ArgumentException")
                    : ListCall(site, list, listMatch.Groups["rest"].Value, method, request);
            }
            return (call, method) switch
            {
                _ when call.StartsWith("web/roledefinitions/getbytype(", StringComparison.OrdinalIgnoreCase) && method == "GET" => RoleDefinitionByType(call),
                ("web/ensureuser", "POST") => EnsureUser(site, request),
                _ when call.StartsWith("web/siteusers/getbyloginname(@v)", StringComparison.OrdinalIgnoreCase) && method == "GET" => SiteUserByLogin(site, request),
                _ => RestError(400, $"The endpoint '{call}' is not simulated."),
            };
        }
    }

    private SimResult ListCall(SimSite site, SimList list, string rest, string method, SimRequest request) => (rest, method) switch
    {
        ("", "GET") => Verbose(new JsonObject
        {
            ["Id"] = list.Id,
            ["Title"] = list.DisplayName,
            ["HasUniqueRoleAssignments"] = list.UniqueRoleAssignments is not null,
        }),
        ("/views", "GET") => VerboseResults(list.ViewList.Select(ViewJson)),
        ("/views/add", "POST") => AddView(site, list, request),
        ("/roleassignments", "GET") => VerboseResults((list.UniqueRoleAssignments ?? site.RoleAssignments).Select(a => (JsonNode)new JsonObject
        {
            ["PrincipalId"] = a.Key,
            ["RoleDefinitionBindings"] = new JsonObject { ["results"] = new JsonArray([.. a.Value.Select(id => (JsonNode)new JsonObject { ["Id"] = id })]) },
        })),
        _ when rest.StartsWith("/breakroleinheritance(", StringComparison.OrdinalIgnoreCase) && method == "POST" => BreakInheritance(site, list, rest),
        _ when rest.StartsWith("/roleassignments/addroleassignment(", StringComparison.OrdinalIgnoreCase) && method == "POST" => AddRoleAssignment(site, list, rest),
        _ => RestError(400, $"The list endpoint '{rest}' is not simulated."),
    };

    /// <summary>
    /// POST …/views/add {"parameters": SP.ViewCreationInformation}: Title, ViewFields (internal names that must exist),
    /// Query (a CAML fragment), PersonalView, SetAsDefaultView
    /// (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj247067(v=office.15),
    /// https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245993(v=office.15)). A field that is not in
    /// the list is refused as ViewCollection.Add documents (ArgumentException,
    /// https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee539911(v=office.15)).
    /// </summary>
    private static SimResult AddView(SimSite site, SimList list, SimRequest request)
    {
        if (request.Body?["parameters"] is not JsonObject parameters || parameters["Title"]?.GetValue<string>() is not { Length: > 0 } title)
        {
            return RestError(400, "The parameter 'parameters' with a Title is required.");
        }
        var fields = (parameters["ViewFields"]?["results"] as JsonArray ?? []).Select(f => f?.GetValue<string>() ?? "").ToList();
        var query = parameters["Query"]?.GetValue<string>() ?? "";
        var referenced = fields.Concat(FieldRefs(query, out var wellFormed)).ToList();
        if (!wellFormed)
        {
            return RestError(400, "The query is not a valid CAML fragment.", "-2147024809, System.ArgumentException");
        }
        if (referenced.FirstOrDefault(f => list.Column(f) is null && f != "LinkTitle") is { } unknown)
        {
            return RestError(400, $"Field internal name '{unknown}' is not in the list.", "-2147024809, System.ArgumentException");
        }
        var view = new SimView(Guid.NewGuid().ToString(), title, fields, query,
            $"{site.ServerRelativePath}/Lists/{Uri.EscapeDataString(list.DisplayName)}/{title.Replace(" ", "", StringComparison.Ordinal)}.aspx");
        if (parameters["SetAsDefaultView"]?.GetValue<bool>() == true)
        {
            list.ViewList.ForEach(v => v.DefaultView = false);
            view.DefaultView = true;
        }
        list.ViewList.Add(view);
        return Verbose(ViewJson(view));
    }

    /// <summary>
    /// POST …/breakroleinheritance(copyRoleAssignments, clearSubscopes): without copying, the caller is the only one left,
    /// with Full Control (https://learn.microsoft.com/sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface,
    /// https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee545470(v=office.15)). A list that already has
    /// its own permissions is left as it is.
    /// </summary>
    private static SimResult BreakInheritance(SimSite site, SimList list, string rest)
    {
        var copy = rest.Contains("copyRoleAssignments=true", StringComparison.OrdinalIgnoreCase);
        if (list.UniqueRoleAssignments is null)
        {
            list.UniqueRoleAssignments = copy
                ? site.RoleAssignments.ToDictionary(a => a.Key, a => a.Value.ToList())
                : new Dictionary<int, List<int>> { [SimRoles.AppPrincipal] = [SimRoles.FullControl] };
        }
        return Verbose(new JsonObject { ["BreakRoleInheritance"] = null });
    }

    /// <summary>
    /// POST …/roleassignments/addroleassignment(principalid, roledefid) (same page). SharePoint refuses it on a list that
    /// still inherits its permissions, and for principals or role definitions it does not know.
    /// </summary>
    private static SimResult AddRoleAssignment(SimSite site, SimList list, string rest)
    {
        var match = AddRoleAssignmentCall().Match(rest);
        if (!match.Success)
        {
            return RestError(400, "principalid and roledefid are required.");
        }
        var principal = int.Parse(match.Groups["principal"].Value, CultureInfo.InvariantCulture);
        var role = int.Parse(match.Groups["role"].Value, CultureInfo.InvariantCulture);
        if (list.UniqueRoleAssignments is not { } assignments)
        {
            return RestError(400, "This operation is not allowed on an object that inherits permissions.", "-2146232832, Microsoft.SharePoint.SPException");
        }
        if (!site.Principals.ContainsValue(principal) || SimRoles.ByType.Values.All(r => r.Id != role))
        {
            return RestError(404, "The principal or role definition does not exist.", "-2146232832, Microsoft.SharePoint.SPException");
        }
        if (!assignments.TryGetValue(principal, out var roles))
        {
            assignments[principal] = roles = [];
        }
        if (!roles.Contains(role))
        {
            roles.Add(role);
        }
        return Verbose(new JsonObject { ["AddRoleAssignment"] = null });
    }

    /// <summary>GET /_api/web/roledefinitions/getbytype(n): Read is type 2 (SP.RoleType).</summary>
    private static SimResult RoleDefinitionByType(string call)
    {
        var text = call["web/roledefinitions/getbytype(".Length..].TrimEnd(')');
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) && SimRoles.ByType.TryGetValue(type, out var role)
            ? Verbose(new JsonObject { ["Id"] = role.Id, ["Name"] = role.Name, ["RoleTypeKind"] = type })
            : RestError(404, "The role definition does not exist.");
    }

    /// <summary>
    /// POST /_api/web/ensureuser {"logonName"} (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245233(v=office.15)):
    /// an Entra group's claim is "c:0t.c|tenant|{object id}"; a user's "i:0#.f|membership|{upn}".
    /// </summary>
    private SimResult EnsureUser(SimSite site, SimRequest request)
    {
        var login = request.Body?["logonName"]?.GetValue<string>() ?? "";
        var group = login.StartsWith("c:0t.c|tenant|", StringComparison.Ordinal) && Guid.TryParse(login["c:0t.c|tenant|".Length..], out _);
        if (!group && !login.StartsWith("i:0#.f|membership|", StringComparison.Ordinal))
        {
            return RestError(400, "The specified user " + login + " could not be found.", "-2146232832, Microsoft.SharePoint.SPException");
        }
        if (!site.Principals.TryGetValue(login, out var id))
        {
            site.Principals[login] = id = ++site.LastPrincipalId;
        }
        return Verbose(PrincipalJson(login, id, group));
    }

    /// <summary>GET /_api/web/siteusers/getbyloginname(@v)?@v='…' (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj244799(v=office.15)): 404 for a login the site does not know.</summary>
    private static SimResult SiteUserByLogin(SimSite site, SimRequest request)
    {
        var login = (request.Query.TryGetValue("@v", out var v) ? v : "").Trim('\'').Replace("''", "'", StringComparison.Ordinal);
        return site.Principals.TryGetValue(login, out var id)
            ? Verbose(PrincipalJson(login, id, login.StartsWith("c:0t.c|", StringComparison.Ordinal)))
            : RestError(404, "User cannot be found.", "-2146232832, Microsoft.SharePoint.SPException");
    }

    /// <summary>Which principals may read a list: its own assignments, or the site's while it inherits.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> EffectiveRoleAssignments(string listDisplayName)
    {
        lock (_gate)
        {
            var site = _sites.First(s => s.Lists.Any(l => l.DisplayName == listDisplayName));
            var list = site.Lists.First(l => l.DisplayName == listDisplayName);
            return (list.UniqueRoleAssignments ?? site.RoleAssignments).ToDictionary(a => a.Key, a => (IReadOnlyList<int>)a.Value.ToList());
        }
    }

    /// <summary>The principal id a login (e.g. an Entra group's claim) has on a site, if any.</summary>
    public int? PrincipalId(string login)
    {
        lock (_gate)
        {
            return _sites.Select(s => s.Principals.TryGetValue(login, out var id) ? id : (int?)null).FirstOrDefault(id => id is not null);
        }
    }

    private static JsonObject PrincipalJson(string login, int id, bool group) => new()
    {
        ["Id"] = id,
        ["LoginName"] = login,
        ["Title"] = login,
        // SP.Utilities.PrincipalType: 1 user, 4 security group.
        ["PrincipalType"] = group ? 4 : 1,
    };

    private static JsonNode ViewJson(SimView view) => new JsonObject
    {
        ["Id"] = view.Id,
        ["Title"] = view.Title,
        ["ServerRelativeUrl"] = view.ServerRelativeUrl,
        ["DefaultView"] = view.DefaultView,
        ["PersonalView"] = false,
        ["ViewQuery"] = view.Query,
    };

    /// <summary>The FieldRef names a CAML fragment names; false when it is not well-formed XML.</summary>
    private static IEnumerable<string> FieldRefs(string query, out bool wellFormed)
    {
        var names = new List<string>();
        try
        {
            var document = new XmlDocument();
            document.LoadXml("<Query>" + query + "</Query>");
            foreach (XmlElement element in document.GetElementsByTagName("FieldRef"))
            {
                names.Add(element.GetAttribute("Name"));
            }
            wellFormed = true;
        }
        catch (XmlException)
        {
            wellFormed = false;
        }
        return names;
    }

    private static SimResult Verbose(JsonNode entity) => SimResult.Json(200, new JsonObject { ["d"] = entity });

    private static SimResult VerboseResults(IEnumerable<JsonNode> items) =>
        SimResult.Json(200, new JsonObject { ["d"] = new JsonObject { ["results"] = new JsonArray([.. items]) } });

    private static SimResult RestError(int status, string message, string code = "-1, Microsoft.SharePoint.Client.InvalidClientQueryException") =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = new JsonObject { ["lang"] = "en-US", ["value"] = message } } });

    [GeneratedRegex(@"^web/lists/getbytitle\('(?<title>(?:[^']|'')*)'\)(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListCall();

    [GeneratedRegex(@"^/roleassignments/addroleassignment\(principalid=(?<principal>\d+),\s*roledefid=(?<role>\d+)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddRoleAssignmentCall();
}
