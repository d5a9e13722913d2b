using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leitbild.Teams.Graph.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>
/// The few SharePoint REST calls Microsoft Graph v1.0 has no counterpart for: list views and a list's own permissions.
/// Graph's list resource has columns, content types, items and subscriptions but no views
/// (https://learn.microsoft.com/graph/api/resources/list), and its permission APIs grant apps, not people, access.
/// Requests use the verbose OData format of the documented examples; with an OAuth bearer token no form digest is
/// needed (https://learn.microsoft.com/sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints).
/// </summary>
public sealed class SharePointRestClient(HttpClient http, Uri siteUrl, IAccessTokenProvider tokens)
{
    private const string Verbose = "application/json;odata=verbose";

    /// <summary>SP.RoleType.Reader (https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee541973(v=office.15)).</summary>
    public const int ReaderRoleType = 2;

    public sealed record ViewInfo(string Id, string Title, string ServerRelativeUrl, bool DefaultView);

    public sealed record RoleAssignment(int PrincipalId, IReadOnlyList<int> RoleDefinitionIds);

    public static HttpClient CreateHttpClient(GraphClientSettings settings, TimeProvider time, ILoggerFactory loggers)
    {
        var throttling = new ThrottlingHandler(time, loggers.CreateLogger<ThrottlingHandler>(), settings.MaxAttempts, settings.MaxRetryDelay)
        {
            InnerHandler = new UserAgentHandler(UserAgentHandler.For(settings.OrganisationName, settings.AppVersion)) { InnerHandler = new HttpClientHandler() },
        };
        return new HttpClient(throttling) { Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>GET /_api/web/lists/getbytitle('…')/views (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj244841(v=office.15)).</summary>
    public async Task<IReadOnlyList<ViewInfo>> ListViewsAsync(string listTitle, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, $"{List(listTitle)}/views?$select=Id,Title,ServerRelativeUrl,DefaultView", null, cancellationToken);
        return Results(body).Select(ToView).ToList();
    }

    /// <summary>
    /// POST /_api/web/lists/getbytitle('…')/views/add with an SP.ViewCreationInformation: title, view fields, CAML query,
    /// public (PersonalView false), optionally the default view
    /// (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj247067(v=office.15),
    /// https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245993(v=office.15)).
    /// </summary>
    public async Task<ViewInfo> AddViewAsync(string listTitle, ListView view, bool setAsDefault, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["__metadata"] = new JsonObject { ["type"] = "SP.ViewCreationInformation" },
            ["Title"] = view.Title,
            ["ViewFields"] = new JsonObject { ["results"] = new JsonArray([.. view.Fields.Select(f => (JsonNode)f)]) },
            ["Query"] = view.Query,
            ["RowLimit"] = 100,
            ["Paged"] = true,
            ["PersonalView"] = false,
            ["SetAsDefaultView"] = setAsDefault,
        };
        var body = await SendAsync(HttpMethod.Post, $"{List(listTitle)}/views/add", new JsonObject { ["parameters"] = parameters }, cancellationToken);
        return ToView(body?["d"] ?? throw new InvalidOperationException("SharePoint returned no view."));
    }

    /// <summary>GET /_api/web/lists/getbytitle('…')?$select=HasUniqueRoleAssignments.</summary>
    public async Task<bool> HasUniquePermissionsAsync(string listTitle, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, $"{List(listTitle)}?$select=HasUniqueRoleAssignments", null, cancellationToken);
        return body?["d"]?["HasUniqueRoleAssignments"]?.GetValue<bool>() == true;
    }

    /// <summary>
    /// POST …/breakroleinheritance(copyRoleAssignments=false, clearSubscopes=true): the list stops inheriting the site's
    /// permissions and keeps none of them; items with their own permissions inherit from the list again
    /// (https://learn.microsoft.com/sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface).
    /// </summary>
    public Task BreakInheritanceAsync(string listTitle, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{List(listTitle)}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)", null, cancellationToken);

    /// <summary>GET …/roleassignments?$expand=RoleDefinitionBindings (same page).</summary>
    public async Task<IReadOnlyList<RoleAssignment>> ListRoleAssignmentsAsync(string listTitle, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, $"{List(listTitle)}/roleassignments?$expand=RoleDefinitionBindings", null, cancellationToken);
        return Results(body).Select(a => new RoleAssignment(
            a["PrincipalId"]!.GetValue<int>(),
            [.. (a["RoleDefinitionBindings"]?["results"] as JsonArray ?? []).Select(b => b!["Id"]!.GetValue<int>())])).ToList();
    }

    /// <summary>POST …/roleassignments/addroleassignment(principalid=…,roledefid=…) (same page).</summary>
    public Task AddRoleAssignmentAsync(string listTitle, int principalId, int roleDefinitionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"{List(listTitle)}/roleassignments/addroleassignment(principalid={principalId},roledefid={roleDefinitionId})"), null, cancellationToken);

    /// <summary>GET /_api/web/roledefinitions/getbytype(…): the site's role definition of a built-in type (SP.RoleDefinitionCollection.getByType).</summary>
    public async Task<int> RoleDefinitionIdAsync(int roleType, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"web/roledefinitions/getbytype({roleType})"), null, cancellationToken);
        return body?["d"]?["Id"]?.GetValue<int>() ?? throw new InvalidOperationException("SharePoint returned no role definition.");
    }

    /// <summary>
    /// POST /_api/web/ensureuser {"logonName": "c:0t.c|tenant|{group object id}"}: the site's principal for an Entra
    /// security or Microsoft 365 group, added to the site's users if it is not there yet
    /// (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245233(v=office.15)).
    /// </summary>
    public async Task<int> EnsureGroupPrincipalAsync(Guid entraGroupId, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Post, "web/ensureuser", new JsonObject { ["logonName"] = GroupLogonName(entraGroupId) }, cancellationToken);
        return body?["d"]?["Id"]?.GetValue<int>() ?? throw new InvalidOperationException("SharePoint returned no principal.");
    }

    /// <summary>
    /// GET /_api/web/siteusers/getbyloginname(@v)?@v='…': the principal id of a site user or group, or null when the
    /// site does not know it yet (SharePoint answers 404) (https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj244799(v=office.15),
    /// https://learn.microsoft.com/previous-versions/office/sharepoint-visio/jj245773(v=office.15)).
    /// </summary>
    public async Task<int?> FindGroupPrincipalAsync(Guid entraGroupId, CancellationToken cancellationToken)
    {
        var login = Uri.EscapeDataString(GroupLogonName(entraGroupId).Replace("'", "''", StringComparison.Ordinal));
        try
        {
            var body = await SendAsync(HttpMethod.Get, $"web/siteusers/getbyloginname(@v)?@v='{login}'", null, cancellationToken);
            return body?["d"]?["Id"]?.GetValue<int>();
        }
        catch (SharePointRestException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public static string GroupLogonName(Guid entraGroupId) => "c:0t.c|tenant|" + entraGroupId.ToString("D");

    private static string List(string title) => $"web/lists/getbytitle('{Uri.EscapeDataString(title.Replace("'", "''", StringComparison.Ordinal))}')";

    private async Task<JsonNode?> SendAsync(HttpMethod method, string relative, JsonNode? body, CancellationToken cancellationToken)
    {
        var url = new Uri(siteUrl.ToString().TrimEnd('/') + "/_api/" + relative);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(Verbose));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAuthorizationTokenAsync(url, cancellationToken: cancellationToken));
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Verbose);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SharePointRestException((int)response.StatusCode, method.Method + " " + url.AbsolutePath, ErrorMessage(text));
        }
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static IEnumerable<JsonNode> Results(JsonNode? body) => (body?["d"]?["results"] as JsonArray ?? []).OfType<JsonNode>();

    private static ViewInfo ToView(JsonNode view) => new(
        view["Id"]!.GetValue<string>(),
        view["Title"]!.GetValue<string>(),
        view["ServerRelativeUrl"]?.GetValue<string>() ?? "",
        view["DefaultView"]?.GetValue<bool>() == true);

    /// <summary>SharePoint's error body: {"error":{"code","message":{"lang","value"}}} (verbose: under "error" too).</summary>
    private static string ErrorMessage(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["error"]?["message"]?["value"]?.GetValue<string>() ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}

public sealed class SharePointRestException(int status, string request, string message)
    : Exception($"SharePoint REST {request} answered {status}: {message}")
{
    public int Status { get; } = status;
}

/// <summary>
/// App-only tokens for SharePoint's own REST API: the resource is the tenant's SharePoint host
/// (scope https://{tenant}.sharepoint.com/.default), and SharePoint accepts app-only tokens only from a certificate
/// credential, not from a client secret (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread).
/// </summary>
public sealed class SharePointAccessTokenProvider(ITokenAcquirer tokenAcquirer, Uri siteUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([siteUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return string.Empty;
        }
        var result = await tokenAcquirer.GetTokenForAppAsync($"https://{siteUrl.Host}/.default", cancellationToken: cancellationToken);
        return result.AccessToken ?? throw new InvalidOperationException("Microsoft Entra returned no access token.");
    }
}
