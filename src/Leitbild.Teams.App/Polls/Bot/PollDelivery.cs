using System.Globalization;
using System.Text.Json;
using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Polls.Bot;

/// <summary>
/// Sends poll cards: into the asked chat or channel as one message, or to each person 1:1 through the persisted
/// broadcast (rate-limited, resumable, never twice). Closing updates every posted card.
/// </summary>
public sealed class PollDelivery(
    PollService service,
    IPollStore polls,
    IDirectory directory,
    PollCardFactory cards,
    BackgroundBroadcasts backgroundBroadcasts,
    IBroadcastStore broadcasts,
    SqliteConversationReferenceStore references,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<PollDelivery> logger) : IPollDelivery, IPollClosedListener
{
    public static string SendJobId(string pollId) => $"poll-{pollId}";

    public async Task<PollDeliveryReport> SendAsync(string pollId, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken) ?? throw new KeyNotFoundException($"Poll {pollId} does not exist.");
        if (poll.Audience.Kind is not (AudienceKind.GroupChat or AudienceKind.Channel) && !await backgroundBroadcasts.CanStartAsync(cancellationToken))
        {
            // Refused before opening: a poll nobody can be sent stays a draft.
            throw NobodyToSendFrom();
        }
        if (poll.Status == PollStatus.Draft)
        {
            await service.OpenAsync(pollId, cancellationToken);
            poll = (await polls.GetAsync(pollId, cancellationToken))!;
        }
        if (poll.Status != PollStatus.Open)
        {
            throw new PollDefinitionException([new("status", "Die Umfrage ist geschlossen.", "The poll is closed.")]);
        }
        if (poll.Audience.Kind is AudienceKind.GroupChat or AudienceKind.Channel)
        {
            await PostToConversationAsync(poll, cancellationToken);
            return await ReportAsync(pollId, cancellationToken);
        }
        var recipients = await AskedPeopleAsync(poll, cancellationToken);
        await StartBroadcastAsync(SendJobId(pollId), new PollBroadcastPayload(pollId, Reminder: false), recipients, cancellationToken);
        return await ReportAsync(pollId, cancellationToken);
    }

    public async Task<PollDeliveryReport> RemindAsync(string pollId, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken) ?? throw new KeyNotFoundException($"Poll {pollId} does not exist.");
        if (!poll.IsOpenAt(time.GetUtcNow()))
        {
            throw new PollDefinitionException([new("status", "Nur offene Umfragen können erinnern.", "Only open polls can send reminders.")]);
        }
        var asked = await AskedPeopleAsync(poll, cancellationToken);
        var pending = await service.NotYetAnsweredAsync(pollId, asked, cancellationToken);
        var jobId = $"poll-{pollId}-reminder-{time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        await StartBroadcastAsync(jobId, new PollBroadcastPayload(pollId, Reminder: true), pending, cancellationToken);
        var report = BroadcastReport.From(jobId, false, await broadcasts.ListDeliveriesAsync(jobId, cancellationToken));
        return new PollDeliveryReport(pollId, report.Total, report.Delivered, report.Failed, report.Unreachable, report.Pending, report.Finished)
        {
            NotReached = await NotReachedAsync(report.Deliveries, cancellationToken),
        };
    }

    public async Task<bool> CloseAsync(string pollId, CancellationToken cancellationToken)
    {
        if (!await service.CloseAsync(pollId, cancellationToken))
        {
            return false;
        }
        await OnClosedAsync(pollId, cancellationToken);
        return true;
    }

    /// <summary>Replaces every card of the poll with its closed state (results where visibility allows).</summary>
    public async Task OnClosedAsync(string pollId, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return;
        }
        foreach (var card in await polls.ListCardsAsync(pollId, cancellationToken))
        {
            if (await references.GetAsync(card.ConversationId, cancellationToken) is { } target)
            {
                await UpdateToClosedAsync(poll, target, card.ActivityId, "de", cancellationToken);
            }
        }
        var tenant = (await references.LatestAsync(cancellationToken))?.TenantId ?? "";
        foreach (var delivery in (await broadcasts.ListDeliveriesAsync(SendJobId(pollId), cancellationToken)).Where(d => d.ActivityId is not null))
        {
            if (await references.FindPersonalAsync(tenant, delivery.PersonId, cancellationToken) is { } target)
            {
                var language = (await directory.FindPersonAsync(delivery.PersonId, cancellationToken))?.PreferredLanguage ?? "de";
                await UpdateToClosedAsync(poll, target, delivery.ActivityId!, language, cancellationToken);
            }
        }
    }

    public async Task<PollDeliveryReport> ReportAsync(string pollId, CancellationToken cancellationToken)
    {
        var posted = await polls.ListCardsAsync(pollId, cancellationToken);
        var deliveries = await broadcasts.ListDeliveriesAsync(SendJobId(pollId), cancellationToken);
        var report = BroadcastReport.From(SendJobId(pollId), await broadcasts.IsCompleteAsync(SendJobId(pollId), cancellationToken), deliveries);
        return new PollDeliveryReport(pollId, report.Total + posted.Count, report.Delivered + posted.Count, report.Failed, report.Unreachable, report.Pending,
            report.Finished || (deliveries.Count == 0 && posted.Count > 0))
        {
            NotReached = await NotReachedAsync(deliveries, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<NotReachedPerson>> NotReachedAsync(IReadOnlyList<BroadcastDelivery> deliveries, CancellationToken cancellationToken)
    {
        var notReached = new List<NotReachedPerson>();
        foreach (var delivery in deliveries.Where(d => d.State is DeliveryState.Unreachable or DeliveryState.Failed))
        {
            var name = (await directory.FindPersonAsync(delivery.PersonId, cancellationToken))?.DisplayName ?? delivery.PersonId;
            notReached.Add(new NotReachedPerson(delivery.PersonId, name, delivery.State == DeliveryState.Unreachable ? "unreachable" : "failed", delivery.Detail));
        }
        return [.. notReached.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task<JsonElement> PreviewAsync(Poll poll, string language, CancellationToken cancellationToken)
    {
        var context = await cards.ContextAsync(poll, language, cancellationToken);
        return BotJson.ToElement(PollCards.Questions(context, 1, [], [], refreshUserIds: null));
    }

    /// <summary>Everyone the poll asks, as Entra object ids.</summary>
    public async Task<IReadOnlyList<string>> AskedPeopleAsync(Poll poll, CancellationToken cancellationToken) => poll.Audience.Kind switch
    {
        AudienceKind.People or AudienceKind.EntraGroup => poll.Audience.PersonIds,
        AudienceKind.Department => [.. (await directory.PeopleInUnitAsync(poll.Audience.UnitId!, cancellationToken)).Select(p => p.Id)],
        AudienceKind.Everyone => [.. (await directory.GetOrganisationAsync(cancellationToken)).People.Where(p => !p.IsGuest).Select(p => p.Id)],
        AudienceKind.AllInstalled => await references.ListPersonalPeopleAsync((await references.LatestAsync(cancellationToken))?.TenantId ?? "", cancellationToken),
        _ => [],
    };

    private async Task PostToConversationAsync(Poll poll, CancellationToken cancellationToken)
    {
        var conversationId = poll.Audience.ConversationId!;
        if ((await polls.ListCardsAsync(poll.Id, cancellationToken)).Any(c => c.ConversationId == conversationId))
        {
            return; // Already posted: sending again must not post a second card.
        }
        var target = await references.GetAsync(conversationId, cancellationToken)
            ?? throw new PollDefinitionException([new("audience.conversationId",
                "Der Bot kennt diesen Chat nicht; fügen Sie die App dort zuerst hinzu.", "The bot does not know this chat; add the app there first.")]);
        var context = await cards.ContextAsync(poll, "de", cancellationToken);
        // An empty userIds list: everyone refreshes by hand; the button shows each person their own state.
        var card = PollCards.Questions(context, 1, [], [], refreshUserIds: []);
        var sent = await connector.SendAsync(target, new Activity { Type = ActivityTypes.Message, Summary = poll.Title.De, Attachments = [card.ToAttachment()] }, cancellationToken);
        await polls.SaveCardAsync(new PollCard(poll.Id, conversationId, sent.Id ?? "", target.ServiceUrl ?? "", time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Poll {PollId} posted to a conversation", poll.Id);
    }

    private async Task StartBroadcastAsync(string jobId, PollBroadcastPayload payload, IReadOnlyList<string> personIds, CancellationToken cancellationToken)
    {
        if (!await backgroundBroadcasts.StartAsync(jobId, PollBroadcastContent.KindName, payload.Serialize(),
            [.. personIds.Select(id => new BroadcastRecipient(id))], cancellationToken))
        {
            throw NobodyToSendFrom();
        }
    }

    /// <summary>Local mode before anyone opened the bot: there is no conversation to send from.</summary>
    private static PollDefinitionException NobodyToSendFrom() =>
        new([new("audience", Texts.Get("poll.send.nobodyInstalled", "de"), Texts.Get("poll.send.nobodyInstalled", "en"))]);

    private async Task UpdateToClosedAsync(Poll poll, ConversationReference target, string activityId, string language, CancellationToken cancellationToken)
    {
        try
        {
            var context = await cards.ContextAsync(poll, language, cancellationToken);
            var card = await cards.CurrentAsync(context, [], null, cancellationToken);
            await connector.UpdateAsync(target, activityId, new Activity { Type = ActivityTypes.Message, Id = activityId, Attachments = [card.ToAttachment()] }, cancellationToken);
        }
        catch (ConnectorException e)
        {
            // One card that cannot be updated (deleted, app removed) must not stop the others.
            logger.LogWarning(e, "Card of poll {PollId} could not be updated", poll.Id);
        }
    }
}
