using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Bot.Hosting;

namespace Leitbild.Teams.App.Bot;

public static class BotEndpoints
{
    /// <summary>
    /// <c>POST /api/messages</c>, the Bot Framework messaging endpoint. Other methods get 405 from routing. Its own size
    /// limit, and no rate limit (see <see cref="CallerRateLimits"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("api/messages", (HttpContext context, BotRequestProcessor processor, IHostApplicationLifetime lifetime) =>
            processor.ProcessAsync(context, lifetime.ApplicationStopping))
            .WithRequestBodyLimit(o => o.BotMaxRequestBytes)
            .DisableRateLimiting();
        return routes;
    }
}
