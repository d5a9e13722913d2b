using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// A request built field by field on the in-process server: the attacker's Host, Origin, content type, the socket's
/// peer address and local port — what HttpClient cannot set or TestServer would fill in.
/// </summary>
internal sealed record RawRequest(string Method, string Path)
{
    public string Host { get; init; } = "localhost";
    public IPAddress? Peer { get; init; }
    public int LocalPort { get; init; }
    public string? Body { get; init; }
    public string? ContentType { get; init; } = "application/json";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public async Task<RawResponse> SendAsync(TestServer server)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = Method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(Host);
            var query = Path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? Path : Path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(Path[query..]);
            c.Connection.RemoteIpAddress = Peer;
            c.Connection.LocalPort = LocalPort;
            foreach (var (name, value) in Headers)
            {
                c.Request.Headers[name] = value;
            }
            if (Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(Body);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
                c.Request.ContentType = ContentType;
                c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new RawResponse(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, text);
    }
}

/// <summary>TestServer decides "no body" before the test sets one; minimal APIs ask this feature.</summary>
internal sealed class HasBody : IHttpRequestBodyDetectionFeature
{
    public bool CanHaveBody => true;
}

internal sealed record RawResponse(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The problem's title and detail, for assertions on the words a person reads.</summary>
    public string ProblemText => $"{Json.GetProperty("title").GetString()} {Json.GetProperty("detail").GetString()}";
}
