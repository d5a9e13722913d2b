using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Routing;

/// <summary>One inbound activity being handled: the activity, the request's services, and ways to answer.</summary>
public sealed class TurnContext
{
    private readonly IConnectorClient _connector;
    private readonly List<Activity>? _bufferedReplies;

    public TurnContext(Activity activity, IServiceProvider services, IConnectorClient connector)
    {
        Activity = activity;
        Services = services;
        _connector = connector;
        if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase))
        {
            _bufferedReplies = [];
        }
    }

    public Activity Activity { get; }

    /// <summary>Scoped services of the request, for handlers registered from other features.</summary>
    public IServiceProvider Services { get; }

    /// <summary>"en" when the activity's locale starts with "en", else "de" (German is the default language).</summary>
    public string Language =>
        Activity.EffectiveLocale is { } locale && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "de";

    /// <summary>The conversation this turn belongs to, as a target for the connector.</summary>
    public ConversationReference Reference => Activity.ToReference();

    /// <summary>Replies buffered for deliveryMode "expectReplies"; null when replies go through the connector.</summary>
    public IReadOnlyList<Activity>? BufferedReplies => _bufferedReplies;

    /// <summary>Sends a message into this conversation (as a reply to the inbound activity where there is one).</summary>
    public async Task<string?> SendAsync(Activity message, CancellationToken cancellationToken)
    {
        var outgoing = message with
        {
            Type = message.Type ?? ActivityTypes.Message,
            ChannelId = message.ChannelId ?? Activity.ChannelId,
            ServiceUrl = message.ServiceUrl ?? Activity.ServiceUrl,
            Conversation = message.Conversation ?? Activity.Conversation,
            From = message.From ?? Activity.Recipient,
            Recipient = message.Recipient ?? Activity.From,
            ReplyToId = message.ReplyToId ?? Activity.Id,
        };
        if (_bufferedReplies is not null)
        {
            lock (_bufferedReplies)
            {
                _bufferedReplies.Add(outgoing);
            }
            return null;
        }
        var response = await _connector.SendAsync(Reference, outgoing, cancellationToken);
        return response.Id;
    }

    public Task<string?> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    public Task<string?> SendCardAsync(AdaptiveCard card, CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] }, cancellationToken);

    /// <summary>Replaces an earlier bot message (e.g. the card an Action.Submit came from) with a new card.</summary>
    public Task UpdateCardAsync(string activityId, AdaptiveCard card, CancellationToken cancellationToken) =>
        _connector.UpdateAsync(Reference, activityId, Activity.CreateReply(attachments: [card.ToAttachment()]) with { Id = activityId, ReplyToId = null }, cancellationToken);
}
