using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// Probe: the APIs took bodies up to Kestrel's 30 MB. Now JSON APIs take 64 KB, poll drafts (the largest legitimate
/// request) 512 KB; larger bodies get 413 with problem details before anyone reads them.
/// </summary>
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    private readonly LocalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AMegabyteForAPhaseEditIsRefusedWith413()
    {
        using var client = _factory.CreateClient();
        await client.SignInAsync(DevSignIn.Organizer);
        var huge = $$"""{"plannedStart":"2024-05-14","note":"{{new string('x', 1024 * 1024)}}"}""";

        var response = await client.PutAsync(new Uri("/api/tab/process/phases/workshop-1", UriKind.Relative), Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Die Anfrage ist zu groß.", problem.GetProperty("title").GetString());
        Assert.Contains("65.536 Bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedBeforeSignInIsChecked()
    {
        var response = await new RawRequest("POST", "/api/scheduling/slots") { Peer = IPAddress.Loopback, Body = $$"""{"required":["{{new string('a', 70 * 1024)}}"]}""" }
            .SendAsync(_factory.Server);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.Status);
    }

    [Fact]
    public async Task TheLargestLegitimatePollDraftFitsAndABiggerOneDoesNot()
    {
        using var client = _factory.CreateClient();
        await client.SignInAsync(DevSignIn.Organizer);
        var largest = LargestDraft(5000);
        var tooBig = LargestDraft(14_000);
        Assert.InRange(Encoding.UTF8.GetByteCount(largest), 200 * 1024, 512 * 1024);

        var fits = await client.PostAsync(new Uri("/api/polls/preview", UriKind.Relative), Json(largest));
        var refused = await client.PostAsync(new Uri("/api/polls/preview", UriKind.Relative), Json(tooBig));

        // The preview draws the card without asking the directory about the made-up people.
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task AChunkedBodyWithoutLengthIsCutOffAt64KilobytesOnKestrel()
    {
        await using var factory = new LocalAppFactory();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var body = Encoding.UTF8.GetBytes($$"""{"personId":"{{new string('x', 100 * 1024)}}"}""");
        using var chunked = new StreamContent(new MemoryStream(body));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tab/dev-signin") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>10 multiple-choice questions with the longest prompts and options, every letter an escaped umlaut.</summary>
    private static string LargestDraft(int people)
    {
        string Text(int length) => new('ä', length);
        var questions = Enumerable.Range(1, 10).Select(q => new
        {
            id = $"q{q}",
            kind = "multipleChoice",
            prompt = new { de = Text(300), en = Text(300) },
            goalIds = new[] { "klima-1" },
            options = Enumerable.Range(1, 10).Select(o => new { id = $"o{o}", label = new { de = Text(100), en = Text(100) } }).ToArray(),
            maxChoices = 3,
        });
        return JsonSerializer.Serialize(new
        {
            phaseId = "workshop-1",
            title = new { de = Text(120), en = Text(120) },
            questions,
            settings = new { anonymous = false, visibility = "afterClose" },
            audience = new { kind = "people", personIds = Enumerable.Range(0, people).Select(i => Guid.NewGuid().ToString()).ToArray() },
        });
    }
}
