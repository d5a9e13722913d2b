using System.Net;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.Graph.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Graph.Tests.Client;

public sealed class ThrottlingHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private (HttpMessageInvoker Client, ScriptedHandler Script) Build(params Func<HttpResponseMessage>[] script)
    {
        var scripted = new ScriptedHandler(_time, script);
        var handler = new ThrottlingHandler(_time, NullLogger.Instance, maxAttempts: 5) { InnerHandler = scripted };
        return (new HttpMessageInvoker(handler), scripted);
    }

    /// <summary>Lets delays run: the fake clock moves in steps until the request completes.</summary>
    private async Task<HttpResponseMessage> RunAsync(Task<HttpResponseMessage> sending)
    {
        for (var i = 0; i < 600 && !sending.IsCompleted; i++)
        {
            await Task.Delay(1);
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        return await sending;
    }

    [Fact]
    public async Task ItWaitsForTheLargerOfRetryAfterAndRateLimitReset()
    {
        var (client, script) = Build(
            () => ScriptedHandler.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "3"), ("RateLimit-Reset", "20")),
            () => ScriptedHandler.Status(HttpStatusCode.OK));

        var response = await RunAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://graph.test/v1.0/sites"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, script.Calls.Count);
        Assert.True(script.Calls[1].At - script.Calls[0].At >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ItHonoursRetryAfterWhenItIsTheLarger()
    {
        var (client, script) = Build(
            () => ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", "30"), ("RateLimit-Reset", "2")),
            () => ScriptedHandler.Status(HttpStatusCode.OK));

        await RunAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://graph.test/v1.0/sites"), CancellationToken.None));

        Assert.True(script.Calls[1].At - script.Calls[0].At >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AThrottledPostIsSentAgainWithTheSameBody()
    {
        var (client, script) = Build(
            () => ScriptedHandler.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "1")),
            () => ScriptedHandler.Status(HttpStatusCode.OK));
        var request = new HttpRequestMessage(HttpMethod.Post, "http://graph.test/v1.0/$batch") { Content = new StringContent("{\"requests\":[]}") };

        await RunAsync(client.SendAsync(request, CancellationToken.None));

        Assert.Equal(["{\"requests\":[]}", "{\"requests\":[]}"], script.Calls.Select(c => c.Body));
    }

    [Fact]
    public async Task APostAnswered503IsNotRepeatedBecauseItMayHaveTakenEffect()
    {
        var (client, script) = Build(() => ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", "1")));

        var response = await RunAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://graph.test/v1.0/$batch") { Content = new StringContent("{}") }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(script.Calls);
    }

    [Fact]
    public async Task APostMarkedRetrySafeIsRepeatedAfter503()
    {
        var (client, script) = Build(
            () => ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", "1")),
            () => ScriptedHandler.Status(HttpStatusCode.OK));
        var request = new HttpRequestMessage(HttpMethod.Post, "http://graph.test/v1.0/users/a/calendar/getSchedule") { Content = new StringContent("{}") };
        request.Options.Set(new HttpRequestOptionsKey<Microsoft.Kiota.Abstractions.IRequestOption>(typeof(RetrySafePost).FullName!), RetrySafePost.Instance);

        var response = await RunAsync(client.SendAsync(request, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, script.Calls.Count);
    }

    [Fact]
    public async Task AnExhaustedBudgetPausesTheNextRequestUntilTheReset()
    {
        var (client, script) = Build(
            () => ScriptedHandler.Status(HttpStatusCode.OK, ("RateLimit-Limit", "1250"), ("RateLimit-Remaining", "0"), ("RateLimit-Reset", "15")),
            () => ScriptedHandler.Status(HttpStatusCode.OK));

        await RunAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://graph.test/v1.0/a"), CancellationToken.None));
        await RunAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://graph.test/v1.0/b"), CancellationToken.None));

        Assert.True(script.Calls[1].At - script.Calls[0].At >= TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ItGivesUpAfterTheLastAttemptAndReturnsTheThrottledAnswer()
    {
        var (client, script) = Build(Enumerable.Repeat<Func<HttpResponseMessage>>(() => ScriptedHandler.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "1")), 10).ToArray());

        var response = await RunAsync(client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://graph.test/v1.0/a"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(5, script.Calls.Count);
    }
}
