using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Bot;

// "notiz" / "note" in the 1:1 chat: the interviewer picks one of their booked interviews and records a statement
// through InterviewNotesService (same rules, store and outbox as the tab). After saving, the card is empty again for
// the next statement; a refusal shows the same card with what was typed and the reasons.
public sealed class InterviewNotesBotHandlers(InterviewNotesService notes, IProcessStore processes, BotActors actors, TimeProvider time)
{
    private Actor? _actor;

    public static void Map(BotRoutes routes) => routes
        .OnCommand<InterviewNotesBotHandlers>(["notiz", "note"], (h, turn, _, ct) => h.ShowAsync(turn, ct), "notes.command.note")
        .OnCardStep<InterviewNotesBotHandlers>(InterviewNoteCard.SaveVerb, (h, turn, data, ct) => h.SaveAsync(turn, data, ct),
            (h, turn, data, problems, ct) => h.RefusedAsync(turn, data, problems, ct));

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var card = await FormAsync(turn, new Dictionary<string, string?>(), [], saved: false, cancellationToken);
        if (card is null)
        {
            await turn.SendTextAsync(Texts.Get("evaluation.notes.none", turn.Language), cancellationToken);
            return;
        }
        await turn.SendCardAsync(card, cancellationToken);
    }

    public async Task<AdaptiveCard> SaveAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        // The card offers only valid choices; anything else came from an old or hand-made card.
        var problems = new List<Problem>();
        if (!Enum.TryParse<StatementSentiment>(data.GetValueOrDefault(InterviewNoteCard.SentimentKey), ignoreCase: false, out var sentiment) || !Enum.IsDefined(sentiment))
        {
            problems.Add(Problem.Of(InterviewNoteCard.SentimentKey, "notes.card.chooseSentiment"));
        }
        if (!Enum.TryParse<StatementConsent>(data.GetValueOrDefault(InterviewNoteCard.ConsentKey), ignoreCase: false, out var consent) || !Enum.IsDefined(consent))
        {
            problems.Add(Problem.Of(InterviewNoteCard.ConsentKey, "notes.card.chooseConsent"));
        }
        ProblemException.ThrowIfAny(problems);
        var interviewId = data.GetValueOrDefault(InterviewNoteCard.InterviewKey) ?? "";
        var draft = new StatementDraft(data.GetValueOrDefault(InterviewNoteCard.TextKey), data.GetValueOrDefault(InterviewNoteCard.FieldKey),
            data.GetValueOrDefault(InterviewNoteCard.GoalKey) is { Length: > 0 } goal ? goal : null, sentiment, consent);
        await notes.RecordAsync(interviewId, draft, await ActorAsync(turn, cancellationToken), cancellationToken);
        // The same interview stays chosen and the text is empty for the next statement.
        var next = new Dictionary<string, string?> { [InterviewNoteCard.InterviewKey] = interviewId };
        return await FormAsync(turn, next, [], saved: true, cancellationToken) ?? Message(turn, "evaluation.notes.none");
    }

    public async Task<AdaptiveCard> RefusedAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, IReadOnlyList<string> problems, CancellationToken cancellationToken) =>
        await FormAsync(turn, data, problems, saved: false, cancellationToken) ?? Message(turn, "evaluation.notes.none");

    // Null when the person has no booked interview to write notes for.
    private async Task<AdaptiveCard?> FormAsync(TurnContext turn, IReadOnlyDictionary<string, string?> values,
        IReadOnlyList<string> notices, bool saved, CancellationToken cancellationToken)
    {
        var interviews = await notes.ListInterviewsAsync(await ActorAsync(turn, cancellationToken), cancellationToken);
        var process = interviews.Count == 0 ? null : await processes.GetRunningAsync(time, cancellationToken);
        var goals = process is null ? null : await processes.GetGoalsAsync(process.Id, cancellationToken);
        return goals is null ? null : InterviewNoteCard.Build(interviews, goals, turn.Language, values, notices, saved);
    }

    // One turn, one person: the handler is built per turn, so the directory is asked once.
    private async Task<Actor> ActorAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _actor ??= await actors.ForAsync(turn, cancellationToken);

    private static AdaptiveCard Message(TurnContext turn, string key) =>
        new() { Lang = turn.Language, Body = [new TextBlock { Text = Texts.Get(key, turn.Language), Wrap = true }] };
}
