using System.Collections.Concurrent;
using System.Net;

namespace Leitbild.Teams.Bot.Tests.Fakes;

/// <summary>A recorded outbound request: method, address, Authorization header and body text.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);

/// <summary>An HttpMessageHandler that answers from a script and records every request (no mocking library).</summary>
public sealed class ScriptedHttpHandler(Func<RecordedRequest, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count => _count;

    public static ScriptedHttpHandler Always(HttpStatusCode status, string body = "{\"id\":\"1\"}") =>
        new((_, _) => Json(status, body));

    /// <summary>Answers with the given statuses in order, then keeps answering with the last one.</summary>
    public static ScriptedHttpHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, n) => responses[Math.Min(n, responses.Length - 1)]());

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(recorded);
        var n = Interlocked.Increment(ref _count) - 1;
        return respond(recorded, n);
    }
}
