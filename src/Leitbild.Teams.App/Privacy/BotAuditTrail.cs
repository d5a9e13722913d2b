using Leitbild.Teams.App.Bot;
using Leitbild.Teams.Bot.Routing;

namespace Leitbild.Teams.App.Privacy;

/// <summary>
/// The audit log's entry for what an organizer does through a bot card (start a poll, close it, record a workshop
/// outcome), written like <see cref="AuditTrail"/>'s for the same action in the tab: who, what, on which ids, when.
/// The card's inputs are not kept, as no request body is.
/// </summary>
public static class BotAuditTrail
{
    public static async Task RecordAsync(TurnContext turn, string action, IReadOnlyDictionary<string, string> target, CancellationToken cancellationToken)
    {
        var actor = await turn.Services.GetRequiredService<BotActors>().ForAsync(turn, cancellationToken);
        await turn.Services.GetRequiredService<SqliteAuditLog>().AppendAsync(actor.PersonId, actor.IsGuest, "BOT " + action, target,
            StatusCodes.Status200OK, CancellationToken.None);
    }
}
