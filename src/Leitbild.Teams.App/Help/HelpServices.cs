using Leitbild.Teams.Bot.Hosting;

namespace Leitbild.Teams.App.Help;

public static class HelpServices
{
    public static IServiceCollection AddHelp(this IServiceCollection services) => services.AddBotRoutes(HelpBotHandlers.Register);
}
