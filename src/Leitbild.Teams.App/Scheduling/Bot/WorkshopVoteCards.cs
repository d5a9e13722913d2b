using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>
/// The workshop date vote (like FindTime): yes / maybe / no per proposed time, the tally so far, and once decided
/// the booked date. Inputs are named <c>o{index}</c> after the vote's option index.
/// </summary>
public static class WorkshopVoteCards
{
    public const string VoteVerb = "workshop.vote";
    public const string VoteIdKey = "voteId";

    public static string InputId(int optionIndex) => "o" + optionIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The card for a person: their own answers preselected; <paramref name="notice"/> adds one line on top.</summary>
    public static AdaptiveCard Build(VoteState state, IReadOnlyDictionary<int, VoteAnswer> mine, string language, string? notice, bool showTally)
    {
        string T(string key) => Texts.Get(key, language);
        var body = new List<CardElement>
        {
            new TextBlock { Text = state.Workshop.Title, Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock { Text = notice, Wrap = true, Color = "Attention" });
        }
        if (state.Vote.Status == SlotVoteStatus.Decided && state.Vote.DecidedOption is { } decided)
        {
            var option = state.Vote.Options[decided];
            body.Add(new TextBlock { Text = Texts.Format("workshop.vote.decided", language, SchedulingLabels.Slot(option.Start, option.End, language)), Wrap = true, Color = "Good", Weight = "Bolder" });
            return new AdaptiveCard { Lang = language, Body = [.. body, Tally(state, language)] };
        }
        if (state.Vote.Status != SlotVoteStatus.Open)
        {
            body.Add(new TextBlock { Text = T("workshop.vote.closed"), Wrap = true });
            return new AdaptiveCard { Lang = language, Body = body };
        }
        if (showTally)
        {
            body.Add(new TextBlock { Text = T("workshop.vote.saved"), Wrap = true, Color = "Good", Weight = "Bolder" });
        }
        body.Add(new TextBlock { Text = Texts.Format("workshop.vote.intro", language, DisplayTime.Format(state.Vote.Deadline, language)), Wrap = true });
        foreach (var option in state.Vote.Options)
        {
            body.Add(new InputChoiceSet
            {
                Id = InputId(option.Index),
                Label = SchedulingLabels.Slot(option.Start, option.End, language),
                Style = "compact",
                IsRequired = true,
                ErrorMessage = T("workshop.vote.answerEach"),
                Value = mine.TryGetValue(option.Index, out var answer) ? answer.ToString() : null,
                Choices = Enum.GetValues<VoteAnswer>().Select(a => new Choice(T("workshop.vote.answer." + a.ToString().ToLowerInvariant()), a.ToString())).ToList(),
            });
        }
        if (showTally)
        {
            body.Add(Tally(state, language));
        }
        return new AdaptiveCard
        {
            Lang = language,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback(VoteVerb, T(mine.Count == 0 ? "workshop.vote.send" : "workshop.vote.change"),
                new Dictionary<string, string> { [VoteIdKey] = state.Vote.Id })],
        };
    }

    private static FactSet Tally(VoteState state, string language) => new()
    {
        Separator = true,
        Facts = state.Tallies.Select(t => new Fact(SchedulingLabels.Slot(t.Option.Start, t.Option.End, language),
            Texts.Format("workshop.vote.tally", language, t.Yes, t.Maybe, t.No))).ToList(),
    };
}
