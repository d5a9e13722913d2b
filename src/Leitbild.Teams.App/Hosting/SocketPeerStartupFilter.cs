using Leitbild.Teams.Bot.Hosting;

namespace Leitbild.Teams.App.Hosting;

/// <summary>
/// Records the connection's peer (<see cref="SocketPeer"/>) as the very first step of every request. It must run before
/// the framework's forwarded-headers middleware (on with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, as in
/// infra/main.bicep), which replaces <c>RemoteIpAddress</c> with whatever <c>X-Forwarded-For</c> says; so it is the first
/// startup filter of all (<see cref="AddFirst"/>).
/// </summary>
public sealed class SocketPeerStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            ThisMachine.Record(context);
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>
    /// Startup filters wrap each other in registration order, the first registered outermost; the web host registers
    /// its forwarded-headers filter before the app's services, so this one goes in front of the list.
    /// </summary>
    public static IServiceCollection AddFirst(IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SocketPeerStartupFilter>());
        return services;
    }
}
