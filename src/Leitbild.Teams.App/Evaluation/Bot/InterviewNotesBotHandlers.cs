using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation.Bot;

/// <summary>
/// "notiz" / "note" in the 1:1 chat: the interviewer picks one of their booked interviews and records a statement
/// through <see cref="InterviewNotesService"/> (same rules, store and outbox as the tab). After saving, the card is
/// empty again for the next statement.
/// </summary>
public static class InterviewNotesBotHandlers
{
    public static void Register(BotRoutes routes) => routes
        .OnCommand(["notiz", "note"], ShowAsync, "notes.command.note")
        .OnCardStep(InterviewNoteCard.SaveVerb, SaveAsync);

    private static async Task ShowAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await ActorAsync(turn, cancellationToken) is not { } actor)
        {
            await turn.SendTextAsync(Texts.Get("evaluation.notes.none", turn.Language), cancellationToken);
            return;
        }
        var card = await FormAsync(turn, actor, new Dictionary<string, string?>(), [], saved: false, cancellationToken);
        if (card is null)
        {
            await turn.SendTextAsync(Texts.Get("evaluation.notes.none", turn.Language), cancellationToken);
            return;
        }
        await turn.SendCardAsync(card, cancellationToken);
    }

    private static async Task<AdaptiveCard> SaveAsync(TurnContext turn, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(turn, cancellationToken);
        if (actor is null)
        {
            return Message(turn, "evaluation.notes.none");
        }
        var notices = new List<string>();
        var saved = false;
        if (!Enum.TryParse<StatementSentiment>(data.GetValueOrDefault(InterviewNoteCard.SentimentKey), ignoreCase: false, out var sentiment) || !Enum.IsDefined(sentiment))
        {
            notices.Add(new LocalizedText("Bitte eine Einordnung wählen (Stärke, Problem, Idee).", "Please choose a sentiment (strength, problem, idea).").In(turn.Language));
        }
        if (!Enum.TryParse<StatementConsent>(data.GetValueOrDefault(InterviewNoteCard.ConsentKey), ignoreCase: false, out var consent) || !Enum.IsDefined(consent))
        {
            notices.Add(new LocalizedText("Bitte die Zustimmung der interviewten Person wählen.", "Please choose the interviewee's consent.").In(turn.Language));
        }
        var interviewId = data.GetValueOrDefault(InterviewNoteCard.InterviewKey) ?? "";
        if (notices.Count == 0)
        {
            try
            {
                var draft = new StatementDraft(data.GetValueOrDefault(InterviewNoteCard.TextKey), data.GetValueOrDefault(InterviewNoteCard.FieldKey),
                    data.GetValueOrDefault(InterviewNoteCard.GoalKey) is { Length: > 0 } goal ? goal : null, sentiment, consent);
                await turn.Services.GetRequiredService<InterviewNotesService>().RecordAsync(interviewId, draft, actor, cancellationToken);
                saved = true;
            }
            catch (EvaluationException e)
            {
                notices.AddRange(e.Problems.Select(p => p.Problem.In(turn.Language)));
            }
            catch (NotesAccessException e)
            {
                notices.Add(Texts.Format(e.Access switch
                {
                    NotesAccess.NotBooked => "evaluation.api.interviewNotBooked",
                    NotesAccess.NotAllowed => "evaluation.api.notYourInterview",
                    _ => "evaluation.api.interviewNotFound",
                }, turn.Language, interviewId));
            }
        }
        // After saving, the same interview stays chosen and the text is empty for the next statement.
        var values = saved ? new Dictionary<string, string?> { [InterviewNoteCard.InterviewKey] = interviewId } : data;
        return await FormAsync(turn, actor, values, notices, saved, cancellationToken) ?? Message(turn, "evaluation.notes.none");
    }

    private static async Task<AdaptiveCard?> FormAsync(TurnContext turn, NotesActor actor, IReadOnlyDictionary<string, string?> values,
        IReadOnlyList<string> notices, bool saved, CancellationToken cancellationToken)
    {
        var interviews = await turn.Services.GetRequiredService<InterviewNotesService>().ListInterviewsAsync(actor, cancellationToken);
        if (interviews.Count == 0)
        {
            return null;
        }
        var processes = turn.Services.GetRequiredService<IProcessStore>();
        var process = (await processes.ListProcessesAsync(cancellationToken)).FirstOrDefault();
        var goals = process is null ? null : await processes.GetGoalsAsync(process.Id, cancellationToken);
        return goals is null ? null : InterviewNoteCard.Build(interviews, goals, turn.Language, values, notices, saved);
    }

    /// <summary>The person acting, as the notes service needs them; null for someone the directory does not know.</summary>
    private static async Task<NotesActor?> ActorAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.Services.GetRequiredService<IDirectory>().FindPersonAsync(CardSteps.PersonId(turn), cancellationToken) is { } person
            ? new NotesActor(person.Id, person.Has(Role.Organizer), person.IsGuest)
            : null;

    private static AdaptiveCard Message(TurnContext turn, string key) =>
        new() { Lang = turn.Language, Body = [new TextBlock { Text = Texts.Get(key, turn.Language), Wrap = true }] };
}
