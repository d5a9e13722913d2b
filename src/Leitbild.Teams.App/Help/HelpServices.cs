using Leitbild.Teams.Bot.Routing;

namespace Leitbild.Teams.App.Help;

public static class HelpServices
{
    public static IServiceCollection AddHelp(this IServiceCollection services) => services.AddBotHandlers<HelpBotHandlers>(HelpBotHandlers.Map);
}
