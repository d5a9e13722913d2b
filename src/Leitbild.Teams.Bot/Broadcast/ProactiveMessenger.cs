using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Broadcast;

/// <summary>
/// Messages to one person outside any turn: find their 1:1 conversation with the bot (stored when they installed
/// the app or wrote to it), or create it with POST /v3/conversations and store it, then send. Teams creates a
/// 1:1 conversation only where the app is installed, so with an <see cref="IPersonalAppInstaller"/> the app is
/// installed for the person first (Company Communicator's pattern); a person with a stored conversation costs no
/// install call.
/// </summary>
public sealed class ProactiveMessenger(
    IConversationReferenceStore references,
    IConnectorClient connector,
    BroadcastOptions options,
    IPersonalAppInstaller? installer = null,
    TimeProvider? time = null)
{
    /// <summary>
    /// Waits before asking again when Teams does not yet know an installation that Graph just confirmed (403
    /// BotNotInConversationRoster): the install reaches the bot service with a delay.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> RosterWaits = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public async Task<ConversationReference> FindOrCreatePersonalAsync(string tenantId, string serviceUrl, BroadcastRecipient recipient, CancellationToken cancellationToken)
    {
        var known = await references.FindPersonalAsync(tenantId, recipient.PersonId, cancellationToken);
        if (known is not null)
        {
            return known;
        }
        if (installer is not null)
        {
            var installed = await installer.EnsureInstalledAsync(recipient.PersonId, cancellationToken);
            if (!installed.Installed)
            {
                throw new RecipientUnreachableException(System.Net.HttpStatusCode.Forbidden, installed.UnreachableReason);
            }
        }
        var member = new ChannelAccount { Id = recipient.TeamsUserId ?? recipient.PersonId, AadObjectId = recipient.PersonId };
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = options.BotId is null ? null : new ChannelAccount { Id = options.BotId },
            Members = [member],
        };
        ConversationResourceResponse created;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                created = await connector.CreateConversationAsync(serviceUrl, tenantId, parameters, cancellationToken);
                break;
            }
            catch (ConnectorException e) when (installer is not null && e.Code == "BotNotInConversationRoster" && attempt < RosterWaits.Count)
            {
                // Creating a conversation has no effect when refused, so asking again cannot message anyone twice.
                await Task.Delay(RosterWaits[attempt], time ?? TimeProvider.System, cancellationToken);
            }
        }
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            TenantId = tenantId,
            User = member,
            Bot = options.BotId is null ? null : new ChannelAccount { Id = options.BotId },
            Conversation = new ConversationAccount { Id = created.Id, ConversationType = "personal", TenantId = tenantId },
        };
        await references.SaveAsync(reference, cancellationToken);
        return reference;
    }

    /// <summary>Sends a message (text and/or cards) to one person; returns the id of the posted activity.</summary>
    public async Task<string?> SendToPersonAsync(string tenantId, string serviceUrl, BroadcastRecipient recipient, Activity message, CancellationToken cancellationToken)
    {
        var target = await FindOrCreatePersonalAsync(tenantId, serviceUrl, recipient, cancellationToken);
        var sent = await connector.SendAsync(target, message with { ReplyToId = null }, cancellationToken);
        return sent.Id;
    }
}
