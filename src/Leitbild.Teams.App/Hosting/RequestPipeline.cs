namespace Leitbild.Teams.App.Hosting;

/// <summary>
/// The checks every request passes before an endpoint runs, in this order: local mode's host and origin guard, the
/// caller's rate limit, the body size, then authentication and authorization. Routing has already chosen the endpoint
/// (the host adds it first), so limits can read the endpoint's metadata. The socket's peer is recorded even earlier,
/// by <see cref="SocketPeerStartupFilter"/>.
/// </summary>
public static class RequestPipeline
{
    public static WebApplication UseRequestChecks(this WebApplication app)
    {
        app.UseMiddleware<LocalModeRequestGuard>();
        app.UseCallerRateLimits();
        app.UseMiddleware<RequestBodyLimits>();
        // Called here, after the checks above; otherwise the host would put them in front of everything.
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
