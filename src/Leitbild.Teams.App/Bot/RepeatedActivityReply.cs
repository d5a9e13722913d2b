using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.App.Bot;

/// <summary>
/// A card action retried after its first response left memory (restart, other instance): the action was done and is
/// not done again; the person reads that instead of the card, which is not kept anywhere.
/// </summary>
public sealed class RepeatedActivityReply : IRepeatedActivityReply
{
    public InvokeResponse ForInvoke(Activity activity, int recordedStatus) =>
        activity.Name == "adaptiveCard/action" && recordedStatus == StatusCodes.Status200OK
            ? InvokeResponse.Message(Texts.Get("bot.repeated", activity.EffectiveLocale))
            : new InvokeResponse(recordedStatus, null);
}
