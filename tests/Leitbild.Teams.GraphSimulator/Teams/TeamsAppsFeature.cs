using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leitbild.Teams.GraphSimulator.Teams;

/// <summary>
/// The tenant's Teams app catalogue and personal-scope installations, as the broadcast's proactive install uses them:
/// the catalogue app found by its manifest id and installs per user (201, 409 when installed). People without Teams and people the app permission policy excludes fail as configured.
/// </summary>
public sealed partial class TeamsAppsFeature : ISimulatorFeature
{
    private readonly ConcurrentDictionary<string, string> _installations = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The manifest id (externalId) of the app uploaded to the catalogue; null: the app is not in the catalogue.</summary>
    public string? ExternalId { get; set; } = "22222222-2222-2222-2222-222222222222";

    /// <summary>The catalogue's own id of the app, different from the manifest id.</summary>
    public string CatalogAppId { get; } = "e3e29acb-8c79-412b-b746-e6c39ff4cd22";

    /// <summary>Users Graph does not find for Teams (no licence, no mailbox): 404.</summary>
    public HashSet<string> WithoutTeams { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users the tenant's app permission policy keeps from the app: 403.</summary>
    public HashSet<string> BlockedByPolicy { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every install request that reached the feature, in order (user id, status).</summary>
    public ConcurrentQueue<(string UserId, int Status)> InstallRequests { get; } = new();

    public bool IsInstalled(string userId) => _installations.ContainsKey(userId);

    /// <summary>Marks the app installed for a person, as when they added it themselves.</summary>
    public void Install(string userId) => _installations.TryAdd(userId, InstallationId(userId));

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapGet("appCatalogs/teamsApps", ListCatalog);
        v1.MapPost("users/{userId}/teamwork/installedApps", InstallAsync);
    }

    // https://learn.microsoft.com/en-us/graph/api/appcatalogs-list-teamsapps (Example 2: list by the manifest id,
    // $filter=externalId eq '{id}'): {"@odata.context", "value":[{"id","externalId","displayName","distributionMethod"}]}.
    private IResult ListCatalog(HttpRequest request)
    {
        var filter = request.Query["$filter"].ToString();
        var match = ExternalIdFilter().Match(filter);
        if (!match.Success)
        {
            return GraphErrors.Result(StatusCodes.Status400BadRequest, "BadRequest", "Only $filter=externalId eq '{id}' is simulated.");
        }
        var value = new JsonArray();
        if (ExternalId is not null && string.Equals(match.Groups["id"].Value, ExternalId, StringComparison.OrdinalIgnoreCase))
        {
            value.Add(new JsonObject
            {
                ["id"] = CatalogAppId,
                ["externalId"] = ExternalId,
                ["displayName"] = "Leitbild",
                ["distributionMethod"] = "organization",
            });
        }
        return Results.Json(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#appCatalogs/teamsApps",
            ["value"] = value,
        });
    }

    // https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps: body {"teamsApp@odata.bind":
    // "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"}; 201 Created with no body. Installing an app
    // that is installed answers 409 Conflict (https://learn.microsoft.com/en-us/graph/errors, 409).
    private async Task<IResult> InstallAsync(string userId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        var bind = body?["teamsApp@odata.bind"]?.GetValue<string>();
        if (bind is null || !bind.EndsWith("/appCatalogs/teamsApps/" + CatalogAppId, StringComparison.OrdinalIgnoreCase))
        {
            InstallRequests.Enqueue((userId, 400));
            return GraphErrors.Result(StatusCodes.Status400BadRequest, "BadRequest", "teamsApp@odata.bind must name an app of the catalogue.");
        }
        if (WithoutTeams.Contains(userId))
        {
            InstallRequests.Enqueue((userId, 404));
            return GraphErrors.Result(StatusCodes.Status404NotFound, "NotFound", "User not found or has no Teams licence.");
        }
        if (BlockedByPolicy.Contains(userId))
        {
            InstallRequests.Enqueue((userId, 403));
            return GraphErrors.Result(StatusCodes.Status403Forbidden, "Forbidden", "The app permission policy does not allow this app for the user.");
        }
        if (!_installations.TryAdd(userId, InstallationId(userId)))
        {
            InstallRequests.Enqueue((userId, 409));
            return GraphErrors.Result(StatusCodes.Status409Conflict, "Conflict", "App is already installed.");
        }
        InstallRequests.Enqueue((userId, 201));
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private string InstallationId(string userId) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{userId}##{CatalogAppId}"));

    [GeneratedRegex(@"^\s*externalId\s+eq\s+'(?<id>[^']+)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalIdFilter();
}
