using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>
/// The interviewee's card actions: book a proposal (one click), ask for other times, cancel (after a confirmation).
/// Each works as Action.Execute and as its Action.Submit fallback; only the interviewee may act on their card.
/// </summary>
public static class InterviewBotHandlers
{
    public const string ShowVerb = "interview.show";
    public const string CancelConfirmVerb = "interview.cancelConfirm";

    public static void Register(BotRoutes routes) => routes
        .OnCardStep(InterviewCards.BookVerb, BookAsync)
        .OnCardStep(InterviewCards.RescheduleVerb, RescheduleAsync)
        .OnCardStep(InterviewCards.CancelVerb, ConfirmCancelAsync)
        .OnCardStep(CancelConfirmVerb, CancelAsync)
        .OnCardStep(ShowVerb, ShowAsync)
        .OnCommand(["interviews", "interview"], ListOwnAsync, "interview.command.interviews");

    /// <summary>"interviews": the person's open and booked interviews, one card each, to book, move or cancel.</summary>
    private static async Task ListOwnAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (service, cards) = Services(turn);
        var own = (await service.ForPersonAsync(CardSteps.PersonId(turn), cancellationToken))
            .Where(i => i.Interview.Status is InterviewStatus.Proposed or InterviewStatus.Booked or InterviewStatus.Booking)
            .ToList();
        if (own.Count == 0)
        {
            await turn.SendTextAsync(Texts.Get("interview.command.none", turn.Language), cancellationToken);
            return;
        }
        foreach (var item in own)
        {
            if (await cards.BuildAsync(item.Interview.Id, turn.Language, null, cancellationToken) is { } card)
            {
                await turn.SendCardAsync(card, cancellationToken);
            }
        }
    }

    private static async Task<AdaptiveCard> BookAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var (service, cards) = Services(turn);
        var proposalId = data.GetValueOrDefault(InterviewCards.ProposalIdKey) ?? "";
        var personId = CardSteps.PersonId(turn);
        BookingResult result;
        try
        {
            result = await service.BookAsync(proposalId, personId, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The claim was given back by the service; the card stays as it was, with the reason.
            Log(turn).LogWarning(e, "Calendar write failed while booking proposal {ProposalId}", proposalId);
            return await CurrentAsync(turn, cards, data.GetValueOrDefault(InterviewCards.InterviewIdKey), Texts.Get("scheduling.calendar.unavailable", turn.Language), cancellationToken);
        }
        return result.Outcome switch
        {
            BookingOutcome.Booked => await CurrentAsync(turn, cards, result.Interview!.Id, null, cancellationToken),
            BookingOutcome.NotFound => InterviewCards.Message("interview.card.gone", turn.Language),
            BookingOutcome.NotAllowed => InterviewCards.Message("scheduling.booking.notAllowed", turn.Language),
            var outcome => await CurrentAsync(turn, cards, result.Interview?.Id, Texts.Get(outcome switch
            {
                BookingOutcome.SlotTaken => "scheduling.booking.taken",
                BookingOutcome.AlreadyBooking => "scheduling.booking.busy",
                BookingOutcome.NoLongerFree => "scheduling.booking.noLongerFree",
                _ => "scheduling.booking.notOpen",
            }, turn.Language), cancellationToken),
        };
    }

    private static async Task<AdaptiveCard> RescheduleAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var (service, cards) = Services(turn);
        if (await OwnInterviewAsync(turn, data, cancellationToken) is not { } interview)
        {
            return InterviewCards.Message("scheduling.access.notYours", turn.Language);
        }
        string? notice;
        try
        {
            var proposals = await service.RescheduleAsync(interview.Id, cancellationToken);
            notice = proposals.Count == 0 ? Texts.Get("interview.card.noNewTimes", turn.Language) : null;
        }
        catch (SchedulingException e)
        {
            notice = e.Problem.In(turn.Language);
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log(turn).LogWarning(e, "Calendar read failed while rescheduling interview {InterviewId}", interview.Id);
            notice = Texts.Get("scheduling.calendar.unavailable", turn.Language);
        }
        return await CurrentAsync(turn, cards, interview.Id, notice, cancellationToken);
    }

    private static async Task<AdaptiveCard> ConfirmCancelAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        if (await OwnInterviewAsync(turn, data, cancellationToken) is not { } interview)
        {
            return InterviewCards.Message("scheduling.access.notYours", turn.Language);
        }
        var keys = new Dictionary<string, string> { [InterviewCards.InterviewIdKey] = interview.Id };
        return new AdaptiveCard
        {
            Lang = turn.Language,
            Body = [new TextBlock { Text = Texts.Get("interview.card.cancelQuestion", turn.Language), Wrap = true, Weight = "Bolder" }],
            Actions =
            [
                ExecuteAction.WithSubmitFallback(CancelConfirmVerb, Texts.Get("interview.card.cancelYes", turn.Language), keys) with { Style = "destructive" },
                ExecuteAction.WithSubmitFallback(ShowVerb, Texts.Get("interview.card.cancelNo", turn.Language), keys),
            ],
        };
    }

    private static async Task<AdaptiveCard> CancelAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var (service, cards) = Services(turn);
        if (await OwnInterviewAsync(turn, data, cancellationToken) is not { } interview)
        {
            return InterviewCards.Message("scheduling.access.notYours", turn.Language);
        }
        string? notice = null;
        try
        {
            await service.CancelAsync(interview.Id, Texts.Get("interview.card.cancelComment", "de"), cancellationToken);
        }
        catch (SchedulingException e)
        {
            notice = e.Problem.In(turn.Language);
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log(turn).LogWarning(e, "Calendar write failed while cancelling interview {InterviewId}", interview.Id);
            notice = Texts.Get("scheduling.calendar.unavailable", turn.Language);
        }
        return await CurrentAsync(turn, cards, interview.Id, notice, cancellationToken);
    }

    private static async Task<AdaptiveCard> ShowAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken) =>
        await OwnInterviewAsync(turn, data, cancellationToken) is { } interview
            ? await CurrentAsync(turn, Services(turn).Cards, interview.Id, null, cancellationToken)
            : InterviewCards.Message("scheduling.access.notYours", turn.Language);

    /// <summary>The interview named in the card's data, if the person acting is its interviewee.</summary>
    private static async Task<Interview?> OwnInterviewAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var interview = await turn.Services.GetRequiredService<IInterviewStore>().GetInterviewAsync(data.GetValueOrDefault(InterviewCards.InterviewIdKey) ?? "", cancellationToken);
        return interview is not null && interview.IntervieweeId == CardSteps.PersonId(turn) ? interview : null;
    }

    private static async Task<AdaptiveCard> CurrentAsync(TurnContext turn, InterviewCardFactory cards, string? interviewId, string? notice, CancellationToken cancellationToken) =>
        interviewId is not null && await cards.BuildAsync(interviewId, turn.Language, notice, cancellationToken) is { } card
            ? card
            : InterviewCards.Message("interview.card.gone", turn.Language);

    private static (InterviewCampaignService Service, InterviewCardFactory Cards) Services(TurnContext turn) =>
        (turn.Services.GetRequiredService<InterviewCampaignService>(), turn.Services.GetRequiredService<InterviewCardFactory>());

    private static ILogger Log(TurnContext turn) => turn.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InterviewBotHandlers));
}
