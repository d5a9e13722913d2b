using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leitbild.Teams.GraphSimulator.Lists;

/// <summary>
/// SharePoint sites, lists, columns and items as Microsoft Graph serves them, plus JSON batching ($batch) for these
/// routes. Shapes follow the Graph documentation; each operation names its page. State lives in memory.
/// </summary>
public sealed partial class ListsFeature : ISimulatorFeature, ISimulatorRootFeature
{
    private readonly Lock _gate = new();
    private readonly List<SimSite> _sites = [];

    /// <summary>SharePoint's list view threshold: filters on non-indexed columns fail above it.</summary>
    public int ListViewThreshold { get; set; } = 5000;

    /// <summary>Page size when the caller sends no $top.</summary>
    public int DefaultPageSize { get; set; } = 200;

    /// <summary>Largest $top honoured; larger values are cut to this.</summary>
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>Source of 429/503 for single steps inside a $batch (the batch itself still answers 200).</summary>
    public FaultInjector? BatchStepFaults { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public SimSite AddSite(string hostName, string serverRelativePath, string displayName)
    {
        var site = new SimSite { HostName = hostName, ServerRelativePath = serverRelativePath, DisplayName = displayName };
        lock (_gate)
        {
            _sites.Add(site);
        }
        return site;
    }

    public SimList? FindList(string displayName)
    {
        lock (_gate)
        {
            return _sites.SelectMany(s => s.Lists).FirstOrDefault(l => l.DisplayName == displayName);
        }
    }

    /// <summary>A snapshot of a list's items (fields copied), for assertions.</summary>
    public IReadOnlyList<SimItem> Items(string listDisplayName)
    {
        lock (_gate)
        {
            var list = _sites.SelectMany(s => s.Lists).FirstOrDefault(l => l.DisplayName == listDisplayName);
            return list is null ? [] : list.Items.Values.Select(Copy).ToList();
        }
    }

    /// <summary>Drops a column, as someone editing the list in the browser might: later writes naming it fail with 400.</summary>
    public void RemoveColumn(string listDisplayName, string columnName)
    {
        lock (_gate)
        {
            var list = _sites.SelectMany(s => s.Lists).First(l => l.DisplayName == listDisplayName);
            list.Columns.RemoveAll(c => (string?)c["name"] == columnName);
        }
    }

    /// <summary>Changes an item as a person editing it in the browser would: new values, new eTag.</summary>
    public void EditItem(string listDisplayName, int itemId, string field, JsonNode? value)
    {
        lock (_gate)
        {
            var list = _sites.SelectMany(s => s.Lists).First(l => l.DisplayName == listDisplayName);
            var item = list.Items[itemId];
            item.Fields[field] = value;
            item.Version++;
            item.Modified = Time.GetUtcNow();
        }
    }

    /// <summary>Adds items directly (no HTTP), e.g. to fill a list past the view threshold quickly.</summary>
    public void SeedItems(string listDisplayName, IEnumerable<Dictionary<string, JsonNode?>> items)
    {
        lock (_gate)
        {
            var list = _sites.SelectMany(s => s.Lists).First(l => l.DisplayName == listDisplayName);
            foreach (var fields in items)
            {
                var now = Time.GetUtcNow();
                var item = new SimItem { Id = ++list.LastItemId, Created = now, Modified = now };
                foreach (var (key, value) in fields)
                {
                    item.Fields[key] = value?.DeepClone();
                }
                list.Items.Add(item.Id, item);
            }
        }
    }

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapMethods("sites/{**rest}", ["GET", "POST", "PATCH", "DELETE"], HandleAsync);
        v1.MapPost("$batch", HandleBatchAsync);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        if (request is null)
        {
            await WriteAsync(context, SimResult.Error(400, "BadRequest", "Invalid JSON in the request body."));
            return;
        }
        await WriteAsync(context, Dispatch(request));
    }

    private static string BaseUrlOf(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/v1.0/";

    private static async Task<SimRequest?> ReadAsync(HttpContext context, string pathPrefix = "/v1.0")
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        JsonNode? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        var path = (context.Request.Path.Value ?? "")[pathPrefix.Length..];
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new SimRequest(context.Request.Method, path, SimRequest.ParseQuery(context.Request.QueryString.Value ?? ""), headers, body, BaseUrlOf(context));
    }

    private static async Task WriteAsync(HttpContext context, SimResult result)
    {
        context.Response.StatusCode = result.Status;
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
            await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
        }
    }

    private static SimItem Copy(SimItem item)
    {
        var copy = new SimItem { Id = item.Id, ETagGuid = item.ETagGuid, Created = item.Created, Modified = item.Modified, Version = item.Version };
        foreach (var (key, value) in item.Fields)
        {
            copy.Fields[key] = value?.DeepClone();
        }
        return copy;
    }
}
