using System.Globalization;
using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls.Bot;

/// <summary>
/// The poll's bot routes: answering (Action.Execute, and the Action.Submit fallback to the same code), changing,
/// refreshing a viewer's own state, and the organizer's "umfrage"/"poll" command with its create and close cards.
/// </summary>
public sealed class PollBotHandlers(PollCardFactory factory, PollService service, IPollDelivery delivery, IDirectory directory, TimeProvider time)
{
    public const string CreateVerb = "poll.create";
    public const string CloseVerb = "poll.close";

    public static void Map(BotRoutes routes) => routes
        .OnCardStep<PollBotHandlers>(PollCards.AnswerVerb, (h, turn, data, ct) => h.AnswerAsync(turn, data, ct))
        .OnCardStep<PollBotHandlers>(PollCards.ChangeVerb, (h, turn, data, ct) => h.ChangeAsync(turn, data, ct))
        .OnCardStep<PollBotHandlers>(PollCards.RefreshVerb, (h, turn, data, ct) => h.RefreshAsync(turn, data, ct))
        .OnCardStep<PollBotHandlers>(CreateVerb, (h, turn, data, ct) => h.CreateAsync(turn, data, ct))
        .OnCardStep<PollBotHandlers>(CloseVerb, (h, turn, data, ct) => h.CloseAsync(turn, data, ct))
        .OnCommand<PollBotHandlers>(["umfrage", "poll"], (h, turn, _, ct) => h.ShowCreateCardAsync(turn, ct), "poll.command.poll");

    private async Task<AdaptiveCard> AnswerAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var context = await factory.ContextAsync(data.GetValueOrDefault(PollCards.PollIdKey) ?? "", turn.Language, cancellationToken);
        if (context is null)
        {
            return Message(turn, "poll.card.closed");
        }
        var page = Page(data, context.Poll);
        var onPage = PollCards.QuestionsOnPage(context.Poll, page).Select(q => q.Id).ToList();
        var outcome = await service.AnswerAsync(context.Poll.Id, onPage, data, PersonId(turn), TenantId(turn), turn.Activity.Conversation?.Id,
            AnswerChannel.Chat, cancellationToken);
        if (!outcome.Accepted)
        {
            return context.Poll.IsClosedAt(time.GetUtcNow())
                ? await factory.CurrentAsync(context, [], null, cancellationToken)
                : PollCards.Questions(context, page, Echo(context, onPage, data), outcome.Problems, RefreshFor(turn, context.Poll));
        }
        if (page < PollCards.PageCount(context.Poll))
        {
            return PollCards.Questions(context, page + 1, outcome.MyAnswers, [], RefreshFor(turn, context.Poll));
        }
        return await factory.CurrentAsync(context with { Poll = outcome.Poll ?? context.Poll }, outcome.MyAnswers, RefreshFor(turn, context.Poll), cancellationToken);
    }

    private async Task<AdaptiveCard> ChangeAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var context = await factory.ContextAsync(data.GetValueOrDefault(PollCards.PollIdKey) ?? "", turn.Language, cancellationToken);
        if (context is null)
        {
            return Message(turn, "poll.card.closed");
        }
        if (context.Poll.IsClosedAt(time.GetUtcNow()))
        {
            return await factory.CurrentAsync(context, [], null, cancellationToken);
        }
        var mine = await service.MyAnswersAsync(context.Poll, PersonId(turn), TenantId(turn), cancellationToken);
        return PollCards.Questions(context, 1, mine, [], RefreshFor(turn, context.Poll));
    }

    /// <summary>The refresh action: every viewer gets their own state (questions, their answers, or closed).</summary>
    private async Task<AdaptiveCard> RefreshAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var context = await factory.ContextAsync(data.GetValueOrDefault(PollCards.PollIdKey) ?? "", turn.Language, cancellationToken);
        if (context is null)
        {
            return Message(turn, "poll.card.closed");
        }
        var mine = PersonId(turn) is { Length: > 0 } person
            ? await service.MyAnswersAsync(context.Poll, person, TenantId(turn), cancellationToken)
            : [];
        return await factory.CurrentAsync(context, mine, RefreshFor(turn, context.Poll), cancellationToken);
    }

    private async Task ShowCreateCardAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!await IsOrganizerAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(Texts.Get("poll.create.onlyOrganizers", turn.Language), cancellationToken);
            return;
        }
        await turn.SendCardAsync(await PollCreateCard.BuildAsync(turn, [], cancellationToken), cancellationToken);
    }

    private async Task<AdaptiveCard> CreateAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        if (!await IsOrganizerAsync(turn, cancellationToken))
        {
            return Message(turn, "poll.create.onlyOrganizers");
        }
        var (draft, problems) = await PollCreateCard.ReadAsync(turn, data, cancellationToken);
        if (draft is null)
        {
            return await PollCreateCard.BuildAsync(turn, problems, cancellationToken);
        }
        try
        {
            var poll = await service.CreateAsync(draft, PersonId(turn), cancellationToken);
            await delivery.SendAsync(poll.Id, cancellationToken);
            await Privacy.BotAuditTrail.RecordAsync(turn, CreateVerb, new Dictionary<string, string> { ["pollId"] = poll.Id }, cancellationToken);
            return PollCreateCard.Started(turn, poll);
        }
        catch (PollDefinitionException e)
        {
            return await PollCreateCard.BuildAsync(turn, e.Problems, cancellationToken);
        }
    }

    private async Task<AdaptiveCard> CloseAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        if (!await IsOrganizerAsync(turn, cancellationToken))
        {
            return Message(turn, "poll.create.onlyOrganizers");
        }
        var pollId = data.GetValueOrDefault(PollCards.PollIdKey) ?? "";
        if (await delivery.CloseAsync(pollId, cancellationToken))
        {
            await Privacy.BotAuditTrail.RecordAsync(turn, CloseVerb, new Dictionary<string, string> { ["pollId"] = pollId }, cancellationToken);
        }
        var context = await factory.ContextAsync(pollId, turn.Language, cancellationToken);
        if (context is null)
        {
            return Message(turn, "poll.card.closed");
        }
        var results = await service.ResultsAsync(pollId, includeHiddenComments: false, cancellationToken);
        return PollCards.Closed(context, results);
    }

    private async Task<bool> IsOrganizerAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await directory.FindPersonAsync(PersonId(turn), cancellationToken) is { } person && person.Has(Role.Organizer);

    internal static string PersonId(TurnContext turn) => CardSteps.PersonId(turn);

    internal static string TenantId(TurnContext turn) =>
        turn.Activity.ChannelData?.Tenant?.Id ?? turn.Activity.Conversation?.TenantId ?? "";

    /// <summary>In a chat, the person who acted gets automatic refreshes from now on (Teams allows 60 listed users).</summary>
    private static IReadOnlyList<string>? RefreshFor(TurnContext turn, Poll poll) =>
        poll.Audience.Kind is AudienceKind.GroupChat or AudienceKind.Channel ? [] : null;

    private static int Page(IReadOnlyDictionary<string, string?> data, Poll poll) =>
        int.TryParse(data.GetValueOrDefault(PollCards.PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            ? Math.Clamp(page, 1, PollCards.PageCount(poll))
            : 1;

    /// <summary>What the person typed, shown again with the problems, so a mistake costs no retyping.</summary>
    private static IReadOnlyList<Answer> Echo(PollCardContext context, IReadOnlyList<string> questionIds, IReadOnlyDictionary<string, string?> data)
    {
        var echo = new List<Answer>();
        foreach (var question in context.Poll.Questions.Where(q => questionIds.Contains(q.Id) && q.Kind == QuestionKind.FreeText))
        {
            if (data.GetValueOrDefault(PollInputs.Text(question)) is { Length: > 0 } text)
            {
                echo.Add(new Answer
                {
                    PollId = context.Poll.Id, QuestionId = question.Id, GoalId = question.GoalIds[0], FieldOfActionId = "", Value = AnswerValue.OfText(text),
                    RespondentKey = "", AnsweredAt = default, PhaseId = context.Poll.PhaseId, Channel = AnswerChannel.Chat, AppVersion = "",
                });
            }
        }
        return echo;
    }

    private static AdaptiveCard Message(TurnContext turn, string key) =>
        new() { Lang = turn.Language, Body = [new TextBlock { Text = Texts.Get(key, turn.Language), Wrap = true }] };
}
