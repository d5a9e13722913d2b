using System.Globalization;
using System.Text.Json;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Leitbild.Teams.Graph.Directory;

/// <summary>
/// Entra ID through Microsoft Graph (app-only, <c>User.Read.All</c>, <c>GroupMember.Read.All</c>,
/// <c>Application.Read.All</c>). Pages of 999 keep a sync of 1,000 users at a handful of calls; 429/503 are retried
/// by the client's throttling handler, so what reaches this class as an error is final for this run.
/// </summary>
public sealed class GraphEntraDirectorySource(GraphServiceClient client, string appId) : IEntraDirectorySource
{
    /// <summary>The largest page users, transitiveMembers and appRoleAssignedTo give:
    /// https://learn.microsoft.com/en-us/graph/api/user-list (Optional query parameters).</summary>
    public const int PageSize = 999;

    private readonly SemaphoreSlim _servicePrincipalGate = new(1, 1);
    private ServicePrincipalRoles? _servicePrincipal;

    // A delta link taken before the full read covers every change made while it runs ("$deltatoken=latest":
    // https://learn.microsoft.com/en-us/graph/delta-query-overview, "Retrieve the latest delta token").
    public async Task<EntraUserRead> ReadAllUsersAsync(CancellationToken cancellationToken)
    {
        var select = string.Join(',', EntraUserChange.Selected);
        var latest = $"{client.RequestAdapter.BaseUrl?.TrimEnd('/')}/users/delta()?$select={select}&$deltatoken=latest";
        var deltaLink = await Read(async () =>
        {
            var page = await client.Users.Delta.WithUrl(latest).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
            return page?.OdataDeltaLink;
        });
        if (string.IsNullOrEmpty(deltaLink))
        {
            throw new EntraReadException("no-delta-link");
        }
        var users = new List<EntraUser>();
        // https://learn.microsoft.com/en-us/graph/api/user-list, paged by @odata.nextLink (https://learn.microsoft.com/en-us/graph/paging).
        var response = await Read(() => client.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = EntraUserChange.Selected;
            r.QueryParameters.Top = PageSize;
        }, cancellationToken));
        while (response is not null)
        {
            users.AddRange((response.Value ?? []).Where(u => u.Id is not null).Select(ToEntraUser));
            if (string.IsNullOrEmpty(response.OdataNextLink))
            {
                break;
            }
            var next = response.OdataNextLink;
            response = await Read(() => client.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken));
        }
        return new EntraUserRead(users, deltaLink);
    }

    // https://learn.microsoft.com/en-us/graph/api/user-delta: follow @odata.nextLink until a page carries @odata.deltaLink;
    // removed users come as {"id", "@removed": {...}}, changed ones with at least the changed properties. The page is
    // read as JSON through the client's pipeline (auth, throttling) because the SDK's models drop explicit nulls, and
    // a null is how Graph says a property was cleared.
    public async Task<EntraUserDelta> ReadUserChangesAsync(string deltaLink, CancellationToken cancellationToken)
    {
        var changes = new List<EntraUserChange>();
        var link = deltaLink;
        while (true)
        {
            var current = link;
            var page = await Read(() => DeltaPageAsync(current, cancellationToken), expiry: true);
            changes.AddRange(DeltaChanges.From(page));
            if (DeltaChanges.Link(page, "@odata.nextLink") is { } next)
            {
                link = next;
                continue;
            }
            var nextDelta = DeltaChanges.Link(page, "@odata.deltaLink") ?? throw new EntraReadException("no-delta-link");
            return new EntraUserDelta(changes, nextDelta);
        }
    }

    private async Task<JsonDocument> DeltaPageAsync(string link, CancellationToken cancellationToken)
    {
        var request = client.Users.Delta.WithUrl(link).ToGetRequestInformation();
        var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
        await using var body = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, errors, cancellationToken)
            ?? throw new EntraReadException("empty-delta-page");
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    // https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers (the microsoft.graph.user cast).
    public async Task<IReadOnlySet<string>> GroupMemberIdsAsync(string groupId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var response = await Read(() => client.Groups[groupId].TransitiveMembers.GraphUser.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = PageSize;
        }, cancellationToken));
        while (response is not null)
        {
            ids.UnionWith((response.Value ?? []).Select(u => u.Id).OfType<string>());
            if (string.IsNullOrEmpty(response.OdataNextLink))
            {
                break;
            }
            var next = response.OdataNextLink;
            response = await Read(() => client.Groups[groupId].TransitiveMembers.GraphUser.WithUrl(next).GetAsync(cancellationToken: cancellationToken));
        }
        return ids;
    }

    // https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-approleassignedto: users and groups the app's
    // enterprise application assigns a role to; a group's role goes to everyone in it, nested groups included.
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Role>>> AppRolesAsync(CancellationToken cancellationToken)
    {
        var servicePrincipal = await ServicePrincipalAsync(cancellationToken);
        var assignments = new List<AppRoleAssignment>();
        var response = await Read(() => client.ServicePrincipals[servicePrincipal.Id].AppRoleAssignedTo.GetAsync(r => r.QueryParameters.Top = PageSize, cancellationToken));
        while (response is not null)
        {
            assignments.AddRange(response.Value ?? []);
            if (string.IsNullOrEmpty(response.OdataNextLink))
            {
                break;
            }
            var next = response.OdataNextLink;
            response = await Read(() => client.ServicePrincipals[servicePrincipal.Id].AppRoleAssignedTo.WithUrl(next).GetAsync(cancellationToken: cancellationToken));
        }
        var roles = new Dictionary<string, HashSet<Role>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            if (assignment.PrincipalId is not { } principal || assignment.AppRoleId is not { } roleId
                || !servicePrincipal.Roles.TryGetValue(roleId, out var role))
            {
                continue;
            }
            var members = string.Equals(assignment.PrincipalType, "Group", StringComparison.OrdinalIgnoreCase)
                ? await GroupMemberIdsAsync(principal.ToString(), cancellationToken)
                : (IReadOnlySet<string>)new HashSet<string> { principal.ToString() };
            foreach (var member in members)
            {
                if (!roles.TryGetValue(member, out var held))
                {
                    roles[member] = held = [];
                }
                held.Add(role);
            }
        }
        return roles.ToDictionary(r => r.Key, r => (IReadOnlyList<Role>)[.. r.Value.Order()], StringComparer.OrdinalIgnoreCase);
    }

    // https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list with $filter=appId eq '…'. The role ids are
    // fixed for the app registration, so the lookup is made once per process and delta runs stay at two calls.
    private async Task<ServicePrincipalRoles> ServicePrincipalAsync(CancellationToken cancellationToken)
    {
        if (_servicePrincipal is { } known)
        {
            return known;
        }
        await _servicePrincipalGate.WaitAsync(cancellationToken);
        try
        {
            if (_servicePrincipal is { } cached)
            {
                return cached;
            }
            var response = await Read(() => client.ServicePrincipals.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"appId eq '{appId}'";
                r.QueryParameters.Select = ["id", "appId", "appRoles"];
            }, cancellationToken));
            var found = response?.Value?.FirstOrDefault() ?? throw new EntraReadException("service-principal-not-found");
            var roles = (found.AppRoles ?? [])
                .Where(r => r.Id is not null && r.IsEnabled != false && EntraAppRoles.FromValue(r.Value) is not null)
                .ToDictionary(r => r.Id!.Value, r => EntraAppRoles.FromValue(r.Value)!.Value);
            return _servicePrincipal = new ServicePrincipalRoles(found.Id ?? throw new EntraReadException("service-principal-not-found"), roles);
        }
        finally
        {
            _servicePrincipalGate.Release();
        }
    }

    private static EntraUser ToEntraUser(User user) => new()
    {
        Id = user.Id!,
        DisplayName = user.DisplayName,
        Mail = user.Mail,
        UserPrincipalName = user.UserPrincipalName,
        Department = user.Department,
        OfficeLocation = user.OfficeLocation,
        JobTitle = user.JobTitle,
        AccountEnabled = user.AccountEnabled,
        UserType = user.UserType,
    };

    /// <summary>Turns Graph's errors into the port's: an expired delta link, or a read failure named by status and code.</summary>
    private static async Task<T> Read<T>(Func<Task<T>> call, bool expiry = false)
    {
        try
        {
            return await call();
        }
        catch (ODataError error) when (expiry && IsExpired(error.ResponseStatusCode, error.Error?.Code))
        {
            throw new EntraDeltaExpiredException($"Delta link expired ({error.ResponseStatusCode} {error.Error?.Code})", error);
        }
        catch (ODataError error)
        {
            throw new EntraReadException(string.Create(CultureInfo.InvariantCulture, $"{error.ResponseStatusCode} {error.Error?.Code}"), error);
        }
        catch (ApiException error) when (expiry && error.ResponseStatusCode == 410)
        {
            throw new EntraDeltaExpiredException("Delta link expired (410)", error);
        }
        catch (ApiException error)
        {
            throw new EntraReadException(string.Create(CultureInfo.InvariantCulture, $"{error.ResponseStatusCode}"), error);
        }
        catch (HttpRequestException error)
        {
            throw new EntraReadException("network", error);
        }
    }

    // https://learn.microsoft.com/en-us/graph/delta-query-overview: 410 Gone (resyncRequired) or, for directory
    // objects, 400 syncStateNotFound / syncStateInvalid mean the link is spent and a full sync must start.
    private static bool IsExpired(int status, string? code) =>
        status == 410 || code is "syncStateNotFound" or "syncStateInvalid" or "resyncRequired";

    private sealed record ServicePrincipalRoles(string Id, IReadOnlyDictionary<Guid, Role> Roles);
}
