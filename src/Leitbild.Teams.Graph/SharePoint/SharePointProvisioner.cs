using System.Net;
using Leitbild.Teams.Graph.Client;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>A site given as its composite id (host,collection,web) or as its address (https://host/sites/name).</summary>
public sealed record SiteReference(string? SiteId, string? HostName, string? ServerRelativePath)
{
    public static bool TryParse(string? text, out SiteReference? site)
    {
        site = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
        {
            site = new SiteReference(null, url.Host, url.AbsolutePath.TrimEnd('/') is { Length: > 0 } path ? path : "/");
            return true;
        }
        if (text.Split(',') is [{ Length: > 0 }, var collection, var web] && Guid.TryParse(collection, out _) && Guid.TryParse(web, out _))
        {
            site = new SiteReference(text, null, null);
            return true;
        }
        return false;
    }
}

/// <summary>What provisioning did, line by line, for the console.</summary>
public sealed record ProvisioningReport(string SiteId, IReadOnlyList<string> Actions, IReadOnlyList<string> Warnings)
{
    public bool ChangedSomething => Actions.Count > 0;
}

/// <summary>Who may read the raw answers list: the planning office's Entra groups (object ids), nobody else.</summary>
public sealed record RawAnswersAccess(IReadOnlyList<Guid> ReaderGroups);

/// <summary>
/// Creates the results lists, or completes them: a missing list is created with all its columns
/// (https://learn.microsoft.com/graph/api/list-create), a missing column is added
/// (https://learn.microsoft.com/graph/api/list-post-columns). With a SharePoint REST client (Graph v1.0 has neither)
/// it also creates each list's views and gives the raw answers list its own permissions: inheritance broken without
/// copying the site's, read access for the planning office's groups only. Running it again changes nothing.
/// </summary>
public sealed class SharePointProvisioner(GraphServiceClient client, Uri graphBaseUrl, Func<Uri, SharePointRestClient>? restForSite = null)
{
    public async Task<string> ResolveSiteIdAsync(SiteReference site, CancellationToken cancellationToken) =>
        (await ResolveSiteAsync(site, cancellationToken)).Id!;

    private async Task<Site> ResolveSiteAsync(SiteReference site, CancellationToken cancellationToken)
    {
        Site? found;
        try
        {
            found = site.SiteId is { } id
                ? await client.Sites[id].GetAsync(cancellationToken: cancellationToken)
                // GET /sites/{hostname}:/{server-relative-path} (https://learn.microsoft.com/graph/api/site-getbypath);
                // built as a URL because the SDK would escape the ':' and '/' of a path parameter.
                : await client.Sites[""].WithUrl($"{graphBaseUrl.ToString().TrimEnd('/')}/sites/{site.HostName}:{site.ServerRelativePath}").GetAsync(cancellationToken: cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            found = null;
        }
        return found is { Id: not null } ? found : throw new InvalidOperationException(
            $"SharePoint-Website nicht gefunden / SharePoint site not found: {site.SiteId ?? "https://" + site.HostName + site.ServerRelativePath}");
    }

    public async Task<ProvisioningReport> ProvisionAsync(SiteReference site, CancellationToken cancellationToken) =>
        await ProvisionAsync(site, null, cancellationToken);

    /// <summary>Lists and columns; with a REST client also views, and the raw list's permissions when <paramref name="access"/> is given.</summary>
    public async Task<ProvisioningReport> ProvisionAsync(SiteReference site, RawAnswersAccess? access, CancellationToken cancellationToken)
    {
        var resolved = await ResolveSiteAsync(site, cancellationToken);
        var siteId = resolved.Id!;
        var actions = new List<string>();
        var warnings = new List<string>();
        foreach (var schema in ResultsLists.All)
        {
            var list = await FindListAsync(siteId, schema.DisplayName, cancellationToken);
            if (list is null)
            {
                await client.Sites[siteId].Lists.PostAsync(new List
                {
                    DisplayName = schema.DisplayName,
                    Description = schema.Description,
                    Columns = schema.Columns.Select(c => c.ToDefinition()).ToList(),
                    ListProp = new ListInfo { Template = "genericList" },
                }, cancellationToken: cancellationToken);
                actions.Add($"Liste angelegt / list created: {schema.DisplayName} ({schema.Columns.Count} Spalten / columns)");
                continue;
            }
            var existing = (await client.Sites[siteId].Lists[list.Id].Columns.GetAsync(cancellationToken: cancellationToken))?.Value ?? [];
            foreach (var column in schema.Columns)
            {
                var present = existing.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.Ordinal));
                if (present is null)
                {
                    await client.Sites[siteId].Lists[list.Id].Columns.PostAsync(column.ToDefinition(), cancellationToken: cancellationToken);
                    actions.Add($"Spalte ergänzt / column added: {schema.DisplayName} › {column.DisplayName} ({column.Name})");
                }
                else if (column.Indexed && present.Indexed != true)
                {
                    warnings.Add($"Spalte nicht indiziert / column not indexed: {schema.DisplayName} › {column.Name} – bitte in den Listeneinstellungen indizieren / index it in the list settings");
                }
            }
        }
        if (restForSite is not null && Uri.TryCreate(resolved.WebUrl, UriKind.Absolute, out var siteUrl))
        {
            var rest = restForSite(siteUrl);
            foreach (var schema in ResultsLists.All)
            {
                await EnsureViewsAsync(rest, schema, actions, cancellationToken);
            }
            if (access is not null)
            {
                await RestrictRawAnswersAsync(rest, access, actions, cancellationToken);
            }
        }
        return new ProvisioningReport(siteId, actions, warnings);
    }

    /// <summary>Creates the views that are missing (by title); the schema's first view becomes the default, so the list's address opens it.</summary>
    private static async Task EnsureViewsAsync(SharePointRestClient rest, ListSchema schema, List<string> actions, CancellationToken cancellationToken)
    {
        var existing = await rest.ListViewsAsync(schema.DisplayName, cancellationToken);
        for (var i = 0; i < schema.Views.Count; i++)
        {
            var view = schema.Views[i];
            if (existing.Any(v => string.Equals(v.Title, view.Title, StringComparison.Ordinal)))
            {
                continue;
            }
            var created = await rest.AddViewAsync(schema.DisplayName, view, setAsDefault: i == 0, cancellationToken);
            actions.Add($"Ansicht angelegt / view created: {schema.DisplayName} › {view.Title} ({created.ServerRelativeUrl})");
        }
    }

    /// <summary>
    /// The raw answers list stops inheriting the site's permissions (the site's members and visitors — department heads
    /// among them — lose access to it) and the planning office's groups get read access. Only what is missing is done.
    /// </summary>
    private static async Task RestrictRawAnswersAsync(SharePointRestClient rest, RawAnswersAccess access, List<string> actions, CancellationToken cancellationToken)
    {
        var title = ResultsLists.AnswersTitle;
        if (!await rest.HasUniquePermissionsAsync(title, cancellationToken))
        {
            await rest.BreakInheritanceAsync(title, cancellationToken);
            actions.Add($"Berechtigungsvererbung aufgehoben / permission inheritance broken: {title}");
        }
        var reader = await rest.RoleDefinitionIdAsync(SharePointRestClient.ReaderRoleType, cancellationToken);
        var assignments = await rest.ListRoleAssignmentsAsync(title, cancellationToken);
        foreach (var group in access.ReaderGroups)
        {
            // Look first: ensureuser is a POST, and a second run must not write anything.
            var principal = await rest.FindGroupPrincipalAsync(group, cancellationToken) ?? await rest.EnsureGroupPrincipalAsync(group, cancellationToken);
            if (assignments.Any(a => a.PrincipalId == principal && a.RoleDefinitionIds.Contains(reader)))
            {
                continue;
            }
            await rest.AddRoleAssignmentAsync(title, principal, reader, cancellationToken);
            actions.Add($"Lesezugriff erteilt / read access granted: {title} › {group:D}");
        }
    }

    private async Task<List?> FindListAsync(string siteId, string title, CancellationToken cancellationToken)
    {
        try
        {
            // GET /sites/{site-id}/lists/{list-title} (https://learn.microsoft.com/graph/api/list-get)
            return await client.Sites[siteId].Lists[title].GetAsync(cancellationToken: cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
