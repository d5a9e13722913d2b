using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.App.Bot;

/// <summary>Every activity keeps its conversation reference current, so proactive messages know where to go.</summary>
public static class ConversationReferences
{
    public static void Register(BotRoutes routes) => routes.OnEveryActivity(KeepReferenceAsync);

    /// <summary>Stores, refreshes or removes the conversation reference, so proactive messages know where to go.</summary>
    public static async Task KeepReferenceAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }
        var store = turn.Services.GetRequiredService<IConversationReferenceStore>();
        var removed = (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
            || (activity.IsType(ActivityTypes.ConversationUpdate) && activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true);
        if (removed)
        {
            await store.RemoveAsync(conversationId, cancellationToken);
        }
        else
        {
            await store.SaveAsync(activity.ToReference(), cancellationToken);
        }
    }
}
