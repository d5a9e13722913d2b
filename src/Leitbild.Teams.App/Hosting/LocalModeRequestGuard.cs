using Leitbild.Teams.App.Problems;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Hosting;

/// <summary>
/// Local mode trusts this machine (the development sign-in, unauthenticated bot activities), so it must know that a
/// request really comes from a page of its own:
/// <list type="bullet">
/// <item>the <c>Host</c> must be a loopback name with the port the request arrived on — a page of
/// <c>attacker.example</c> whose DNS name was rebound to 127.0.0.1 sends <c>Host: attacker.example</c> (400);</item>
/// <item>a change (POST, PUT, PATCH, DELETE under /api, the bot endpoint included, which has no token in local mode)
/// with an <c>Origin</c> must come from the app's own origin (403), and a body must be JSON (415): a cross-site form or
/// <c>text/plain</c> POST, which browsers send without asking, is refused before any endpoint reads it.</item>
/// </list>
/// Microsoft 365 mode has real tokens on every change and serves behind its public name, so the guard stays out.
/// </summary>
public sealed class LocalModeRequestGuard(RequestDelegate next, IOptions<LeitbildOptions> options)
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Value.Mode != AppMode.Local)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        if (!IsOwnHost(context))
        {
            await RequestProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "problem.request.refusedTitle", "problem.request.host");
            return;
        }
        if (IsChange(request) && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var origin = request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                await RequestProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "problem.request.refusedTitle", "problem.request.origin");
                return;
            }
            if (HasBody(request) && !request.HasJsonContentType())
            {
                await RequestProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "problem.request.refusedTitle", "problem.request.json");
                return;
            }
        }
        await next(context);
    }

    /// <summary>
    /// A loopback name, and the port the connection arrived on (an in-process test host reports none). The port matters
    /// little against rebinding (the attacker's page uses ours), but a name with another port is no page of this app.
    /// </summary>
    private static bool IsOwnHost(HttpContext context)
    {
        var host = context.Request.Host;
        if (!host.HasValue || !LoopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        var localPort = context.Connection.LocalPort;
        var port = host.Port ?? (context.Request.IsHttps ? 443 : 80);
        return localPort == 0 || port == localPort;
    }

    private static bool IsChange(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
