using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

/// <summary>The simulator's own promises, checked over plain HTTP as Graph documents them.</summary>
public sealed class ListsSimulatorTests
{
    private static async Task<(SharePointSandbox Sandbox, HttpClient Http, string ItemsPath)> StartAsync()
    {
        var sandbox = await SharePointSandbox.StartAsync();
        var list = sandbox.Lists.FindList(ResultsLists.AnswersTitle)!;
        var http = new HttpClient { BaseAddress = sandbox.Host.BaseUrl };
        return (sandbox, http, $"sites/{sandbox.Site.Id}/lists/{list.Id}/items");
    }

    private static JsonObject Item(string key) => new() { ["fields"] = new JsonObject { ["AnswerKey"] = key, ["Phase"] = "p" } };

    [Fact]
    public async Task ABatchOfMoreThanTwentyRequestsIsRefusedWith400()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;
        var requests = new JsonArray(Enumerable.Range(1, 21).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = "/" + items }).ToArray());

        var response = await http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABatchAnswersEachStepWithItsOwnStatus()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;
        var requests = new JsonArray(
            new JsonObject { ["id"] = "1", ["method"] = "POST", ["url"] = "/" + items, ["headers"] = new JsonObject { ["Content-Type"] = "application/json" }, ["body"] = Item("k1") },
            new JsonObject { ["id"] = "2", ["method"] = "POST", ["url"] = "/" + items, ["headers"] = new JsonObject { ["Content-Type"] = "application/json" }, ["body"] = new JsonObject { ["fields"] = new JsonObject { ["Unbekannt"] = 1 } } },
            new JsonObject { ["id"] = "3", ["method"] = "GET", ["url"] = "/" + items + "/99", ["dependsOn"] = new JsonArray("2") });

        var response = await http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statuses = body!["responses"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => (int)r!["status"]!);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 201, ["2"] = 400, ["3"] = 424 }, statuses);
    }

    [Fact]
    public async Task AFilterOnAColumnThatIsNotIndexedNeedsThePreferHeader()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;

        var refused = await http.GetAsync($"{items}?$expand=fields&$filter=fields/Phase eq 'p'");
        using var honoured = new HttpRequestMessage(HttpMethod.Get, $"{items}?$expand=fields&$filter=fields/Phase eq 'p'");
        honoured.Headers.Add("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly");
        var allowed = await http.SendAsync(honoured);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("HonorNonIndexedQueriesWarningMayFailRandomly", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task PastTheListViewThresholdOnlyIndexedFiltersWork()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;
        sandbox.Lists.SeedItems(ResultsLists.AnswersTitle, Enumerable.Range(1, 5001).Select(i => new Dictionary<string, JsonNode?>
        {
            ["AnswerKey"] = JsonValue.Create($"k{i}"),
            ["Phase"] = JsonValue.Create("p"),
        }));

        using var nonIndexed = new HttpRequestMessage(HttpMethod.Get, $"{items}?$expand=fields&$filter=fields/Phase eq 'p'");
        nonIndexed.Headers.Add("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly");
        var refused = await http.SendAsync(nonIndexed);
        var indexed = await http.GetFromJsonAsync<JsonObject>($"{items}?$expand=fields&$filter=fields/AnswerKey eq 'k4711'");

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Contains("list view threshold", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("k4711", (string?)indexed!["value"]![0]!["fields"]!["AnswerKey"]);
    }

    [Fact]
    public async Task DeletingAnItemAnswers204AndDeletingItAgainAnswers404()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;
        await http.PostAsJsonAsync(items, Item("k1"));

        var first = await http.DeleteAsync($"{items}/1");
        var again = await http.DeleteAsync($"{items}/1");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Empty(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(sandbox.AnswerItems);
    }

    [Fact]
    public async Task APatchWithAStaleETagIsRefusedWith412AndChangesNothing()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;
        var created = await (await http.PostAsJsonAsync(items, Item("k1"))).Content.ReadFromJsonAsync<JsonObject>();
        var etag = (string)created!["eTag"]!;
        using (var first = new HttpRequestMessage(HttpMethod.Patch, $"{items}/1/fields") { Content = JsonContent.Create(new JsonObject { ["Phase"] = "a" }) })
        {
            first.Headers.TryAddWithoutValidation("If-Match", etag);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(first)).StatusCode);
        }

        using var stale = new HttpRequestMessage(HttpMethod.Patch, $"{items}/1/fields") { Content = JsonContent.Create(new JsonObject { ["Phase"] = "b" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await http.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("a", sandbox.AnswerItems.Single().Text("Phase"));
    }

    [Fact]
    public async Task PagesLinkToTheNextPageUntilTheLast()
    {
        var (sandbox, http, items) = await StartAsync();
        await using var _ = sandbox;
        sandbox.Lists.SeedItems(ResultsLists.AnswersTitle, Enumerable.Range(1, 5).Select(i => new Dictionary<string, JsonNode?> { ["AnswerKey"] = JsonValue.Create($"k{i}") }));

        var ids = new List<string>();
        string? next = $"{items}?$top=2&$expand=fields";
        while (next is not null)
        {
            var page = await http.GetFromJsonAsync<JsonObject>(next);
            ids.AddRange(page!["value"]!.AsArray().Select(i => (string)i!["id"]!));
            next = (string?)page["@odata.nextLink"];
        }

        Assert.Equal(["1", "2", "3", "4", "5"], ids);
    }
}
