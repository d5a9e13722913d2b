using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Bot;

/// <summary>
/// The organizer's workshop-outcome card: which workshop, which goal of the current catalogue, the decision (confirmed,
/// reworded, merged, dropped), the new wording (reworded), the goal it is merged into (merged), priority and the poll it
/// rests on. Inputs keep what was entered when something is wrong, so nothing has to be retyped.
/// </summary>
public static class WorkshopOutcomeCard
{
    public const string SaveVerb = "outcome.save";
    public const string PhaseKey = "phaseId";
    public const string GoalKey = "goalId";
    public const string KindKey = "kind";
    public const string NewTextDeKey = "newTextDe";
    public const string NewTextEnKey = "newTextEn";
    public const string MergedIntoKey = "mergedIntoGoalId";
    public const string PriorityKey = "priority";
    public const string PollKey = "pollId";

    public static AdaptiveCard Build(IReadOnlyList<Phase> workshops, GoalCatalogue goals, string language,
        IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> notices, bool saved)
    {
        string T(string key) => Texts.Get(key, language);
        string? V(string key) => values.GetValueOrDefault(key) is { Length: > 0 } v ? v : null;
        var goalChoices = goals.FieldsOfAction
            .SelectMany(f => f.Goals.Select(g => new Choice($"{f.Title.In(language)}: {g.Text.In(language)}", g.Id))).ToList();
        var body = new List<CardElement>
        {
            new TextBlock { Text = T("outcomes.card.title"), Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
            new TextBlock { Text = T("evaluation.workshops.intro"), Wrap = true, IsSubtle = true },
        };
        if (saved)
        {
            body.Add(new TextBlock { Text = T("evaluation.workshops.saved"), Wrap = true, Color = "Good", Weight = "Bolder" });
        }
        body.AddRange(notices.Select(n => new TextBlock { Text = n, Wrap = true, Color = "Attention" }));
        body.Add(new InputChoiceSet
        {
            Id = PhaseKey, Label = T("evaluation.workshops.choose"), IsRequired = true, Style = "compact",
            Value = V(PhaseKey) ?? workshops[0].Id,
            Choices = workshops.Select(w => new Choice(w.Title.In(language), w.Id)).ToList(),
        });
        body.Add(new InputChoiceSet
        {
            Id = GoalKey, Label = T("outcomes.card.goal"), IsRequired = true, Style = "compact", Value = V(GoalKey),
            Choices = goalChoices,
        });
        body.Add(new InputChoiceSet
        {
            Id = KindKey, Label = T("evaluation.workshops.kind"), IsRequired = true, Style = "expanded",
            Value = V(KindKey) ?? nameof(GoalOutcomeKind.Confirmed),
            Choices = Enum.GetValues<GoalOutcomeKind>().Select(k => new Choice(T("evaluation.outcome." + Camel(k.ToString())), k.ToString())).ToList(),
        });
        body.Add(new InputText
        {
            Id = NewTextDeKey, Label = T("evaluation.workshops.newTextDe"), IsMultiline = true,
            MaxLength = GoalHistory.MaxTextLength, Value = V(NewTextDeKey),
        });
        body.Add(new InputText
        {
            Id = NewTextEnKey, Label = T("evaluation.workshops.newTextEn"), IsMultiline = true,
            MaxLength = GoalHistory.MaxTextLength, Value = V(NewTextEnKey),
        });
        body.Add(new InputChoiceSet
        {
            Id = MergedIntoKey, Label = T("outcomes.card.mergedInto"), Style = "compact", Value = V(MergedIntoKey),
            Placeholder = T("outcomes.card.noMerge"), Choices = goalChoices,
        });
        body.Add(new InputChoiceSet
        {
            Id = PriorityKey, Label = T("outcomes.card.priority"), Style = "compact", Value = V(PriorityKey),
            Placeholder = T("evaluation.priority.none"),
            Choices = Enum.GetValues<GoalPriority>().Select(p => new Choice(T("evaluation.priority." + Camel(p.ToString())), p.ToString())).ToList(),
        });
        body.Add(new InputText { Id = PollKey, Label = T("evaluation.workshops.pollId"), MaxLength = 64, Value = V(PollKey) });
        return new AdaptiveCard
        {
            Lang = language,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback(SaveVerb, T("evaluation.workshops.save"))],
        };
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
