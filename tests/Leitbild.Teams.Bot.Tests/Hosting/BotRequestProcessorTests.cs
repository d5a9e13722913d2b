using System.Net;
using System.Text;
using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.Bot.Tests.Hosting;

public class BotRequestProcessorTests
{
    private int _executions;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly InMemoryProcessedActivityStore _processed = new();
    private readonly BotRequestProcessor _processor;

    public BotRequestProcessorTests()
    {
        var routes = new BotRoutes().OnCardAction("vote", async (_, _, _) =>
        {
            var n = Interlocked.Increment(ref _executions);
            await _release.Task;
            return InvokeResponse.Message($"answer {n}");
        });
        var services = new ServiceCollection().BuildServiceProvider();
        _processor = new BotRequestProcessor(
            new ActivityDispatcher(routes),
            new BotRequestAuthenticator(new BotAuthenticationOptions(), services),
            new RecordingConnector(),
            _processed,
            new BotEndpointOptions { MaxRequestBodyBytes = 4096 },
            TimeProvider.System,
            NullLogger<BotRequestProcessor>.Instance);
    }

    private static string Invoke(string id, string conversation = "a:1") => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "invoke", id, name = "adaptiveCard/action", conversation = new { id = conversation },
        value = new { action = new { type = "Action.Execute", verb = "vote" } },
    });

    private async Task<(int Status, string Body)> Post(string body, IPAddress? from = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.ContentLength = Encoding.UTF8.GetByteCount(body);
        context.Connection.RemoteIpAddress = from ?? IPAddress.Loopback;
        context.RequestServices = new ServiceCollection().BuildServiceProvider();
        var response = new MemoryStream();
        context.Response.Body = response;
        await _processor.ProcessAsync(context, CancellationToken.None);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }

    [Fact]
    public async Task ARetriedInvokeGetsTheFirstAnswerWithoutRunningTheHandlerAgain()
    {
        _release.SetResult();
        var first = await Post(Invoke("i1"));
        var retry = await Post(Invoke("i1"));

        Assert.Equal(1, _executions);
        Assert.Equal(first, retry);
        Assert.Contains("answer 1", retry.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetryArrivingWhileTheFirstAttemptRunsWaitsForItsAnswer()
    {
        var first = Post(Invoke("i2"));
        var retry = Post(Invoke("i2"));
        await Task.Delay(50);
        _release.SetResult();

        var answers = await Task.WhenAll(first, retry);

        Assert.Equal(1, _executions);
        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task TheSameActivityIdInAnotherConversationIsADifferentActivity()
    {
        _release.SetResult();
        await Post(Invoke("i3", "a:1"));
        await Post(Invoke("i3", "a:2"));

        Assert.Equal(2, _executions);
    }

    [Fact]
    public async Task AnActivityWithoutTypeIsABadRequest() =>
        Assert.Equal(400, (await Post("""{"id":"x","text":"hilfe"}""")).Status);

    [Fact]
    public async Task MalformedJsonIsABadRequest() =>
        Assert.Equal(400, (await Post("{not json")).Status);

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        var big = $$"""{"type":"message","text":"{{new string('x', 5000)}}"}""";

        Assert.Equal(413, (await Post(big)).Status);
    }

    [Fact]
    public async Task InLocalModeACallerFromAnotherMachineIsUnauthorized()
    {
        _release.SetResult();

        var outcome = await Post(Invoke("i4"), IPAddress.Parse("192.0.2.10"));

        Assert.Equal(401, outcome.Status);
        Assert.Equal(0, _executions);
    }

    [Fact]
    public async Task ProcessedActivitiesAreRecordedWithTheirAnswer()
    {
        _release.SetResult();
        await Post(Invoke("i5"));

        var record = Assert.Single(_processed.Records);
        Assert.Equal("a:1|i5", record.Key);
        Assert.Equal(200, record.Value.Status);
    }
}
