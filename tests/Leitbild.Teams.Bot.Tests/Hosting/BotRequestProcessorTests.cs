using System.Net;
using System.Text;
using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Bot.Tests.Hosting;

public class BotRequestProcessorTests
{
    private int _executions;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly InMemoryProcessedActivityStore _processed = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.Zero));
    private readonly BotRoutes _routes;
    private BotRequestProcessor _processor;

    public BotRequestProcessorTests()
    {
        _routes = new BotRoutes().OnCardAction("vote", async (_, _, _) =>
        {
            var n = Interlocked.Increment(ref _executions);
            await _release.Task;
            return InvokeResponse.Message($"answer {n}");
        });
        _processor = NewProcessor();
    }

    /// <summary>A processor as after a restart: the same store, nothing in memory.</summary>
    private BotRequestProcessor NewProcessor()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        return new BotRequestProcessor(
            new ActivityDispatcher(_routes),
            new BotRequestAuthenticator(new BotAuthenticationOptions(), services),
            new RecordingConnector(),
            _processed,
            new RepeatedReply(),
            new BotEndpointOptions { MaxRequestBodyBytes = 4096, RetryWindow = TimeSpan.FromMinutes(10) },
            _time,
            NullLogger<BotRequestProcessor>.Instance);
    }

    private sealed class RepeatedReply : IRepeatedActivityReply
    {
        public InvokeResponse ForInvoke(Leitbild.Teams.Bot.Schema.Activity activity, int recordedStatus) => InvokeResponse.Message($"done before ({recordedStatus})");
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
    public async Task TheRecordHoldsADigestAndTheStatusButNeitherTheConversationNorTheResponse()
    {
        _release.SetResult();
        await Post(Invoke("i5", "a:person-conversation"));

        var record = Assert.Single(_processed.Records).Value;
        Assert.Equal(64, record.Digest.Length);
        Assert.DoesNotContain("person-conversation", record.Digest, StringComparison.Ordinal);
        Assert.DoesNotContain("i5", record.Digest, StringComparison.Ordinal);
        Assert.Equal(200, record.Status);
        Assert.Equal(["Digest", "Status", "ProcessedAt"], typeof(ProcessedActivity).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract"));
    }

    [Fact]
    public async Task ARetryAfterARestartDoesNotRunTheHandlerAgainAndGetsTheHostsWordsInsteadOfTheForgottenCard()
    {
        _release.SetResult();
        await Post(Invoke("i6"));
        _processor = NewProcessor();

        var retry = await Post(Invoke("i6"));

        Assert.Equal(1, _executions);
        Assert.Equal(200, retry.Status);
        Assert.Contains("done before (200)", retry.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("answer 1", retry.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstResponseIsHeldInMemoryForTheRetryWindowOnly()
    {
        _release.SetResult();
        await Post(Invoke("i7"));
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Contains("answer 1", (await Post(Invoke("i7"))).Body, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(2));
        var late = await Post(Invoke("i7"));

        Assert.Equal(1, _executions);
        Assert.DoesNotContain("answer 1", late.Body, StringComparison.Ordinal);
    }
}
