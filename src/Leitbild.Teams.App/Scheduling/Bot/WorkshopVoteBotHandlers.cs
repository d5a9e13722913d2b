using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>The workshop vote card's one action: save the person's yes / maybe / no per time through <see cref="WorkshopService.CastBallotAsync"/>.</summary>
public static class WorkshopVoteBotHandlers
{
    public static void Register(BotRoutes routes) => routes.OnCardStep(WorkshopVoteCards.VoteVerb, VoteAsync);

    private static async Task<AdaptiveCard> VoteAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var service = turn.Services.GetRequiredService<WorkshopService>();
        var voteId = data.GetValueOrDefault(WorkshopVoteCards.VoteIdKey) ?? "";
        var personId = CardSteps.PersonId(turn);
        VoteState state;
        try
        {
            state = await service.GetVoteStateAsync(voteId, cancellationToken);
        }
        catch (SchedulingException)
        {
            return Message(turn, "workshop.vote.gone");
        }
        var answers = new Dictionary<int, VoteAnswer>();
        foreach (var option in state.Vote.Options)
        {
            if (Enum.TryParse<VoteAnswer>(data.GetValueOrDefault(WorkshopVoteCards.InputId(option.Index)), ignoreCase: false, out var answer) && Enum.IsDefined(answer))
            {
                answers[option.Index] = answer;
            }
        }
        if (answers.Count != state.Vote.Options.Count)
        {
            return WorkshopVoteCards.Build(state, answers, turn.Language, Texts.Get("workshop.vote.answerEach", turn.Language), showTally: false);
        }
        try
        {
            state = await service.CastBallotAsync(voteId, personId, answers, cancellationToken);
        }
        catch (SchedulingException e)
        {
            // Not invited, or the vote ended meanwhile: the card says why and shows the current state.
            var current = await service.GetVoteStateAsync(voteId, cancellationToken);
            return WorkshopVoteCards.Build(current, answers, turn.Language, e.Problem.In(turn.Language), showTally: false);
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The ballot is saved; only booking the unanimous date failed. The deadline worker books it later.
            turn.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkshopVoteBotHandlers))
                .LogWarning(e, "Calendar write failed after a ballot in vote {VoteId}", voteId);
            state = await service.GetVoteStateAsync(voteId, cancellationToken);
        }
        return WorkshopVoteCards.Build(state, answers, turn.Language, null, showTally: true);
    }

    private static AdaptiveCard Message(TurnContext turn, string key) =>
        new() { Lang = turn.Language, Body = [new TextBlock { Text = Texts.Get(key, turn.Language), Wrap = true }] };
}
