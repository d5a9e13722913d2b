using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Polls;

/// <summary>Who is answering, as far as the results may know: the key the answers are stored under.</summary>
public sealed record Respondent(string RespondentKey, string? DepartmentId)
{
    /// <summary>What this person has answered so far: a changed ranking or an emptied comment replaces it, never adds to it.</summary>
    public IReadOnlyList<Answer> CurrentAnswers { get; init; } = [];
}

/// <summary>The answers read from one card page, or the reasons they were refused (nothing is stored then).</summary>
public sealed record SubmissionResult(IReadOnlyList<Answer> Answers, IReadOnlyList<PollProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads a card's input values against the poll. Every value must belong to the questions on that page: made-up
/// option ids, goals of another poll, out-of-range ratings or over-long texts refuse the whole page.
/// </summary>
public static class PollSubmission
{
    public static SubmissionResult Read(
        Poll poll,
        GoalCatalogue catalogue,
        IReadOnlyCollection<string> questionIdsOnPage,
        IReadOnlyDictionary<string, string?> inputs,
        Respondent respondent,
        AnswerChannel channel,
        string appVersion,
        DateTimeOffset now)
    {
        var problems = new List<PollProblem>();
        var answers = new List<Answer>();
        var withdrawn = new List<Answer>();
        if (!poll.IsOpenAt(now))
        {
            problems.Add(new("poll", "Die Umfrage ist geschlossen.", "The poll is closed."));
            return new([], problems);
        }

        var questions = new List<Question>();
        foreach (var id in questionIdsOnPage)
        {
            if (poll.FindQuestion(id) is { } question)
            {
                questions.Add(question);
            }
            else
            {
                problems.Add(new("question", "Diese Frage gehört nicht zu dieser Umfrage.", "This question does not belong to this poll."));
            }
        }
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            known.UnionWith(InputIds(question));
        }
        // Anything else posted under this poll's prefix is tampering, not an extra field of the card.
        if (inputs.Keys.Any(k => !known.Contains(k) && questions.Any(q => k.StartsWith(q.Id + ".", StringComparison.Ordinal))))
        {
            problems.Add(new("input", "Unbekannte Eingabe.", "Unknown input."));
        }

        Answer Make(Question q, string goalId, AnswerValue value) => new()
        {
            PollId = poll.Id,
            QuestionId = q.Id,
            GoalId = goalId,
            FieldOfActionId = catalogue.FieldOf(goalId)?.Id ?? "",
            Value = value,
            DepartmentId = respondent.DepartmentId,
            RespondentKey = respondent.RespondentKey,
            AnsweredAt = now,
            PhaseId = poll.PhaseId,
            Channel = channel,
            AppVersion = appVersion,
        };

        foreach (var question in questions)
        {
            var before = answers.Count;
            switch (question.Kind)
            {
                case QuestionKind.GoalRating:
                    foreach (var goalId in question.GoalIds)
                    {
                        var raw = Value(inputs, PollInputs.Rating(question, goalId));
                        if (raw is null)
                        {
                            continue;
                        }
                        if (raw == PollInputs.NoAnswer)
                        {
                            answers.Add(Make(question, goalId, AnswerValue.None));
                        }
                        else if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5)
                        {
                            answers.Add(Make(question, goalId, AnswerValue.OfRating(rating)));
                        }
                        else
                        {
                            problems.Add(new(question.Id, "Bewertung muss zwischen 1 und 5 liegen.", "A rating must be between 1 and 5."));
                        }
                    }
                    break;
                case QuestionKind.SingleChoice:
                case QuestionKind.MultipleChoice:
                    ReadChoice(question, Value(inputs, PollInputs.Choice(question)), problems, choices => answers.Add(Make(question, question.GoalIds[0], AnswerValue.OfChoices(choices))));
                    break;
                case QuestionKind.Ranking:
                    ReadRanking(question, inputs, problems, (goalId, rank) => answers.Add(Make(question, goalId, AnswerValue.OfRank(rank))));
                    // Goals ranked before and not now lose their rank: overwritten under the same key, so no store keeps
                    // two #1 (only when the new ranking was read without problems, else the page is refused anyway).
                    if (!problems.Any(p => p.Field == question.Id))
                    {
                        var rankedNow = answers.Where(a => a.QuestionId == question.Id).Select(a => a.GoalId).ToHashSet(StringComparer.Ordinal);
                        withdrawn.AddRange(respondent.CurrentAnswers
                            .Where(a => a.QuestionId == question.Id && a.Value.Kind == AnswerKind.Rank && !a.Value.IsWithdrawn && !rankedNow.Contains(a.GoalId))
                            .Select(a => Make(question, a.GoalId, AnswerValue.WithdrawnRank)));
                    }
                    break;
                case QuestionKind.FreeText:
                    var text = Value(inputs, PollInputs.Text(question))?.Trim();
                    if (string.IsNullOrEmpty(text))
                    {
                        // An emptied comment field withdraws the person's comment.
                        withdrawn.AddRange(respondent.CurrentAnswers
                            .Where(a => a.QuestionId == question.Id && a.Value.Kind == AnswerKind.Text && !a.Value.IsWithdrawn)
                            .Select(a => Make(question, a.GoalId, AnswerValue.WithdrawnText)));
                        break;
                    }
                    if (text.Length > question.MaxLength)
                    {
                        problems.Add(new(question.Id, $"Höchstens {question.MaxLength} Zeichen.", $"At most {question.MaxLength} characters."));
                    }
                    else
                    {
                        answers.Add(Make(question, question.GoalIds[0], AnswerValue.OfText(text)));
                    }
                    break;
            }
            if (question.Required && answers.Count == before && !problems.Any(p => p.Field == question.Id))
            {
                problems.Add(new(question.Id, "Bitte beantworten Sie diese Frage.", "Please answer this question."));
            }
        }
        answers.AddRange(withdrawn);
        if (problems.Count == 0 && answers.Count == 0)
        {
            problems.Add(new("answers", "Sie haben noch nichts ausgewählt.", "You have not chosen anything yet."));
        }
        return problems.Count > 0 ? new([], problems) : new(answers, []);
    }

    /// <summary>Every input id a question's card section has.</summary>
    public static IEnumerable<string> InputIds(Question question) => question.Kind switch
    {
        QuestionKind.GoalRating => question.GoalIds.Select(g => PollInputs.Rating(question, g)),
        QuestionKind.Ranking => Enumerable.Range(1, question.RankCount).Select(p => PollInputs.RankPosition(question, p)),
        QuestionKind.FreeText => [PollInputs.Text(question)],
        _ => [PollInputs.Choice(question)],
    };

    private static void ReadChoice(Question question, string? raw, List<PollProblem> problems, Action<string[]> add)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return;
        }
        var chosen = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        var optionIds = question.Options.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        if (chosen.Any(c => !optionIds.Contains(c)))
        {
            problems.Add(new(question.Id, "Diese Antwortmöglichkeit gibt es nicht.", "This option does not exist."));
            return;
        }
        var max = question.Kind == QuestionKind.SingleChoice ? 1 : question.MaxChoices ?? 1;
        if (chosen.Length > max)
        {
            problems.Add(new(question.Id, $"Höchstens {max} Antworten wählen.", $"Choose at most {max} answers."));
            return;
        }
        add(chosen);
    }

    private static void ReadRanking(Question question, IReadOnlyDictionary<string, string?> inputs, List<PollProblem> problems, Action<string, int> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ranked = new List<(string Goal, int Rank)>();
        for (var position = 1; position <= question.RankCount; position++)
        {
            var goalId = Value(inputs, PollInputs.RankPosition(question, position));
            if (string.IsNullOrEmpty(goalId))
            {
                continue;
            }
            if (!question.GoalIds.Contains(goalId, StringComparer.Ordinal))
            {
                problems.Add(new(question.Id, "Dieses Ziel steht nicht zur Wahl.", "This goal is not on the list."));
                return;
            }
            if (!seen.Add(goalId))
            {
                problems.Add(new(question.Id, "Jedes Ziel nur einmal einordnen.", "Rank each goal only once."));
                return;
            }
            ranked.Add((goalId, position));
        }
        foreach (var (goal, rank) in ranked)
        {
            add(goal, rank);
        }
    }

    private static string? Value(IReadOnlyDictionary<string, string?> inputs, string id) =>
        inputs.TryGetValue(id, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
