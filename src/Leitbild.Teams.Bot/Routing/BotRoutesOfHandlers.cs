using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Bot.Routing;

/// <summary>
/// Routes whose handler is a class built by dependency injection for each turn (its services come in through its
/// constructor), the way minimal APIs bind endpoint parameters: the route names the method, the turn's scope builds
/// the class. Register the class with <see cref="BotHandlerRegistration.AddBotHandlers{THandler}"/>.
/// </summary>
public static class BotRoutesOfHandlers
{
    public static BotRoutes OnCommand<THandler>(this BotRoutes routes, IReadOnlyList<string> names,
        Func<THandler, TurnContext, string, CancellationToken, Task> handle, string? helpKey = null) where THandler : notnull =>
        routes.OnCommand(names, (turn, arguments, ct) => handle(Of<THandler>(turn), turn, arguments, ct), helpKey);

    public static BotRoutes OnSubmit<THandler>(this BotRoutes routes, string verb,
        Func<THandler, TurnContext, JsonElement, CancellationToken, Task> handle) where THandler : notnull =>
        routes.OnSubmit(verb, (turn, data, ct) => handle(Of<THandler>(turn), turn, data, ct));

    public static BotRoutes OnCardAction<THandler>(this BotRoutes routes, string verb,
        Func<THandler, TurnContext, Schema.AdaptiveCardInvokeAction, CancellationToken, Task<InvokeResponse>> handle) where THandler : notnull =>
        routes.OnCardAction(verb, (turn, action, ct) => handle(Of<THandler>(turn), turn, action, ct));

    public static BotRoutes OnInstallationUpdate<THandler>(this BotRoutes routes,
        Func<THandler, TurnContext, CancellationToken, Task> handle) where THandler : notnull =>
        routes.OnInstallationUpdate((turn, ct) => handle(Of<THandler>(turn), turn, ct));

    public static BotRoutes OnConversationUpdate<THandler>(this BotRoutes routes,
        Func<THandler, TurnContext, CancellationToken, Task> handle) where THandler : notnull =>
        routes.OnConversationUpdate((turn, ct) => handle(Of<THandler>(turn), turn, ct));

    public static BotRoutes OnEveryActivity<THandler>(this BotRoutes routes,
        Func<THandler, TurnContext, CancellationToken, Task> handle) where THandler : notnull =>
        routes.OnEveryActivity((turn, ct) => handle(Of<THandler>(turn), turn, ct));

    public static BotRoutes OnUnknownCommand<THandler>(this BotRoutes routes,
        Func<THandler, TurnContext, string, CancellationToken, Task> handle) where THandler : notnull =>
        routes.OnUnknownCommand((turn, arguments, ct) => handle(Of<THandler>(turn), turn, arguments, ct));

    /// <summary>The handler for this turn, from the turn's (request's) scope.</summary>
    public static THandler Of<THandler>(TurnContext turn) where THandler : notnull => turn.Services.GetRequiredService<THandler>();
}

public static class BotHandlerRegistration
{
    /// <summary>Registers a handler class (scoped: one per turn) and the routes it serves.</summary>
    public static IServiceCollection AddBotHandlers<THandler>(this IServiceCollection services, Action<BotRoutes> map) where THandler : class
    {
        services.AddScoped<THandler>();
        return Hosting.BotServiceCollectionExtensions.AddBotRoutes(services, map);
    }
}
