using Leitbild.Teams.Bot.Hosting;

namespace Leitbild.Teams.App.Bot;

public static class BotEndpoints
{
    /// <summary><c>POST /api/messages</c>, the Bot Framework messaging endpoint. Other methods get 405 from routing.</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("api/messages", (HttpContext context, BotRequestProcessor processor, IHostApplicationLifetime lifetime) =>
            processor.ProcessAsync(context, lifetime.ApplicationStopping));
        return routes;
    }
}
