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

/// <summary>
/// Creates the results lists, or completes them: a missing list is created with all its columns
/// (https://learn.microsoft.com/graph/api/list-create), a missing column is added
/// (https://learn.microsoft.com/graph/api/list-post-columns). Running it again changes nothing.
/// </summary>
public sealed class SharePointProvisioner(GraphServiceClient client, Uri graphBaseUrl)
{
    public async Task<string> ResolveSiteIdAsync(SiteReference site, CancellationToken cancellationToken)
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
        return found?.Id ?? throw new InvalidOperationException(
            $"SharePoint-Website nicht gefunden / SharePoint site not found: {site.SiteId ?? "https://" + site.HostName + site.ServerRelativePath}");
    }

    public async Task<ProvisioningReport> ProvisionAsync(SiteReference site, CancellationToken cancellationToken)
    {
        var siteId = await ResolveSiteIdAsync(site, cancellationToken);
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
        return new ProvisioningReport(siteId, actions, warnings);
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
