using System.Text.Json;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Help;

/// <summary>Help, status and the welcome on install: the bot's answers that belong to no feature.</summary>
public static class HelpBotHandlers
{
    public static void Register(BotRoutes routes)
    {
        routes.OnInstallationUpdate(WelcomeOnInstallAsync);
        routes.OnCommand(["hilfe", "help"], (turn, _, ct) => SendHelpAsync(turn, ct), "bot.command.help");
        routes.OnCommand(["status"], (turn, _, ct) => SendStatusAsync(turn, ct), "bot.command.status");
        routes.OnUnknownCommand((turn, _, ct) => turn.SendTextAsync(Texts.Get("bot.unknown", turn.Language), ct));
        routes.OnCardAction(HelpCards.StatusVerb, StatusActionAsync);
        routes.OnSubmit(HelpCards.StatusVerb, StatusSubmitAsync);
        routes.OnSubmit(HelpCards.HelpVerb, (turn, _, ct) => SendHelpAsync(turn, ct));
    }

    public static async Task WelcomeOnInstallAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // An upgrade ("add-upgrade") is not a first meeting: no second welcome.
        if (!string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var organisation = turn.Services.GetRequiredService<IOptions<LeitbildOptions>>().Value.OrganisationName;
        await turn.SendCardAsync(HelpCards.Welcome(turn.Language, organisation), cancellationToken);
    }

    public static Task SendHelpAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var routes = turn.Services.GetRequiredService<BotRoutes>();
        return turn.SendCardAsync(HelpCards.Help(turn.Language, routes.Commands), cancellationToken);
    }

    public static async Task SendStatusAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(await StatusCardAsync(turn, cancellationToken), cancellationToken);

    /// <summary>Action.Execute "status": the card the person pressed becomes the status card (read-only, no write).</summary>
    public static async Task<InvokeResponse> StatusActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, CancellationToken cancellationToken) =>
        InvokeResponse.Card(await StatusCardAsync(turn, cancellationToken));

    /// <summary>The Action.Submit fallback of "status" on older clients: replace the card through the connector.</summary>
    public static async Task StatusSubmitAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var card = await StatusCardAsync(turn, cancellationToken);
        if (turn.Activity.ReplyToId is { Length: > 0 } cardMessageId)
        {
            await turn.UpdateCardAsync(cardMessageId, card, cancellationToken);
        }
        else
        {
            await turn.SendCardAsync(card, cancellationToken);
        }
    }

    private static async Task<AdaptiveCard> StatusCardAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var processes = await turn.Services.GetRequiredService<IProcessStore>().ListProcessesAsync(cancellationToken);
        var time = turn.Services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        return HelpCards.Status(turn.Language, processes.FirstOrDefault(), DateOnly.FromDateTime(now.UtcDateTime), now);
    }
}
