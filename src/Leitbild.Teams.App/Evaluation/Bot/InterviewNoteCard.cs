using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Bot;

/// <summary>
/// The interviewer's notes card: which booked interview, field of action, optional goal, sentiment, the interviewee's
/// consent and the statement. Inputs keep what was entered when something is wrong, so nothing has to be retyped.
/// </summary>
public static class InterviewNoteCard
{
    public const string SaveVerb = "note.save";
    public const string InterviewKey = "interviewId";
    public const string FieldKey = "fieldOfActionId";
    public const string GoalKey = "goalId";
    public const string SentimentKey = "sentiment";
    public const string ConsentKey = "consent";
    public const string TextKey = "text";

    public static AdaptiveCard Build(IReadOnlyList<NotableInterview> interviews, GoalCatalogue goals, string language,
        IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> notices, bool saved)
    {
        string T(string key) => Texts.Get(key, language);
        string? V(string key) => values.GetValueOrDefault(key) is { Length: > 0 } v ? v : null;
        var body = new List<CardElement>
        {
            new TextBlock { Text = T("notes.card.title"), Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
            new TextBlock { Text = T("evaluation.notes.intro"), Wrap = true, IsSubtle = true },
        };
        if (saved)
        {
            body.Add(new TextBlock { Text = T("evaluation.notes.saved"), Wrap = true, Color = "Good", Weight = "Bolder" });
        }
        body.AddRange(notices.Select(n => new TextBlock { Text = n, Wrap = true, Color = "Attention" }));
        body.Add(new InputChoiceSet
        {
            Id = InterviewKey, Label = T("evaluation.notes.interview"), IsRequired = true, Style = "compact",
            Value = V(InterviewKey) ?? interviews[0].InterviewId,
            Choices = interviews.Select(i => new Choice(
                $"{i.IntervieweeName} · {SchedulingLabels.Slot(i.Start, i.End, language)} · {Texts.Format("evaluation.notes.statementCount", language, i.Statements)}",
                i.InterviewId)).ToList(),
        });
        body.Add(new InputChoiceSet
        {
            Id = FieldKey, Label = T("evaluation.notes.field"), IsRequired = true, Style = "compact", Value = V(FieldKey),
            Choices = goals.FieldsOfAction.Select(f => new Choice(f.Title.In(language), f.Id)).ToList(),
        });
        body.Add(new InputChoiceSet
        {
            Id = GoalKey, Label = T("evaluation.notes.goal"), Style = "compact", Value = V(GoalKey), Placeholder = T("evaluation.notes.noGoal"),
            Choices = goals.FieldsOfAction.SelectMany(f => f.Goals.Select(g => new Choice($"{f.Title.In(language)}: {g.Text.In(language)}", g.Id))).ToList(),
        });
        body.Add(new InputChoiceSet
        {
            Id = SentimentKey, Label = T("evaluation.notes.sentiment"), IsRequired = true, Style = "expanded", Value = V(SentimentKey) ?? nameof(StatementSentiment.Strength),
            Choices = Enum.GetValues<StatementSentiment>().Select(s => new Choice(T("evaluation.sentiment." + Camel(s.ToString())), s.ToString())).ToList(),
        });
        body.Add(new InputChoiceSet
        {
            Id = ConsentKey, Label = T("evaluation.notes.consent"), IsRequired = true, Style = "expanded", Value = V(ConsentKey) ?? nameof(StatementConsent.CountOnly),
            Choices = Enum.GetValues<StatementConsent>().Select(c => new Choice(T("evaluation.consent." + Camel(c.ToString())), c.ToString())).ToList(),
        });
        body.Add(new InputText
        {
            Id = TextKey, Label = T("evaluation.notes.text"), IsRequired = true, IsMultiline = true,
            MaxLength = InterviewStatementRules.MaxTextLength, Value = saved ? null : V(TextKey),
        });
        return new AdaptiveCard
        {
            Lang = language,
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback(SaveVerb, T("evaluation.notes.save"))],
        };
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
