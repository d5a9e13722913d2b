using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Help;

/// <summary>Help, status and the welcome on install: the bot's answers that belong to no feature.</summary>
public sealed class HelpBotHandlers(BotRoutes routes, IProcessStore processes, IOptions<LeitbildOptions> options, TimeProvider time)
{
    public static void Map(BotRoutes routes) => routes
        .OnInstallationUpdate<HelpBotHandlers>((h, turn, ct) => h.WelcomeOnInstallAsync(turn, ct))
        .OnCommand<HelpBotHandlers>(["hilfe", "help"], (h, turn, _, ct) => h.SendHelpAsync(turn, ct), "bot.command.help")
        .OnCommand<HelpBotHandlers>(["status"], (h, turn, _, ct) => h.SendStatusAsync(turn, ct), "bot.command.status")
        .OnUnknownCommand<HelpBotHandlers>((_, turn, _, ct) => turn.SendTextAsync(Texts.Get("bot.unknown", turn.Language), ct))
        .OnCardStep<HelpBotHandlers>(HelpCards.StatusVerb, (h, turn, _, ct) => h.StatusCardAsync(turn, ct))
        .OnSubmit<HelpBotHandlers>(HelpCards.HelpVerb, (h, turn, _, ct) => h.SendHelpAsync(turn, ct));

    public async Task WelcomeOnInstallAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // An upgrade ("add-upgrade") is not a first meeting: no second welcome.
        if (!string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        await turn.SendCardAsync(HelpCards.Welcome(turn.Language, options.Value.OrganisationName), cancellationToken);
    }

    public Task SendHelpAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.SendCardAsync(HelpCards.Help(turn.Language, routes.Commands), cancellationToken);

    public async Task SendStatusAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(await StatusCardAsync(turn, cancellationToken), cancellationToken);

    /// <summary>The status card (read-only, no write): sent for the command, and replacing the pressed card for the button.</summary>
    public async Task<AdaptiveCard> StatusCardAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var process = await processes.GetRunningAsync(time, cancellationToken);
        return HelpCards.Status(turn.Language, process, BerlinTime.LocalDate(now), now);
    }
}
