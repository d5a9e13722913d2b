using System.Net;

namespace Leitbild.Teams.Graph.Tests.Fakes;

/// <summary>Answers requests from a script, one response per call, and remembers when each request arrived.</summary>
internal sealed class ScriptedHandler(TimeProvider time, params Func<HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, DateTimeOffset At, string? Body)> Calls { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls.Add((request.Method, time.GetUtcNow(), request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        return _next < script.Length ? script[_next++]() : new HttpResponseMessage(HttpStatusCode.OK);
    }

    public static HttpResponseMessage Status(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }
}
