using System.Text.RegularExpressions;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Polls;

/// <summary>What a poll must be before it can be sent: its questions fit on cards, and every goal and phase exists.</summary>
public static partial class PollDefinitionRules
{
    public const int MaxQuestions = 10;
    public const int MaxGoalsPerQuestion = 10;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;
    public const int MaxRankCount = 5;
    public const int MaxTitleLength = 120;
    public const int MaxPromptLength = 300;
    public const int MaxOptionLength = 100;
    /// <summary>Answers with more people than this are beyond per-user card refresh; see <see cref="PollCardRules"/>.</summary>
    public const int MaxPeople = 5000;

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex LocalId();

    /// <summary>Poll ids go into answer keys and SharePoint filters: no ':' and no quotes.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex PollId();

    public static IReadOnlyList<PollProblem> Check(Poll poll, ProcessTemplate process, GoalCatalogue catalogue)
    {
        var problems = new List<PollProblem>();
        void Add(string field, string de, string en) => problems.Add(new(field, de, en));

        if (!PollId().IsMatch(poll.Id))
        {
            Add("id", "ungültige Kennung", "invalid id");
        }
        Text(problems, "title", poll.Title, MaxTitleLength);
        if (process.Phases.All(p => p.Id != poll.PhaseId))
        {
            Add("phaseId", $"Baustein '{poll.PhaseId}' gibt es nicht", $"phase '{poll.PhaseId}' does not exist");
        }
        if (poll.Questions.Count is 0 or > MaxQuestions)
        {
            Add("questions", $"1 bis {MaxQuestions} Fragen", $"1 to {MaxQuestions} questions");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < poll.Questions.Count; i++)
        {
            CheckQuestion(problems, $"questions[{i}]", poll.Questions[i], catalogue, ids);
        }
        CheckAudience(problems, poll.Audience);
        return problems;
    }

    public static void ThrowIfInvalid(Poll poll, ProcessTemplate process, GoalCatalogue catalogue)
    {
        var problems = Check(poll, process, catalogue);
        if (problems.Count > 0)
        {
            throw new PollDefinitionException(problems);
        }
    }

    private static void CheckQuestion(List<PollProblem> problems, string at, Question question, GoalCatalogue catalogue, HashSet<string> ids)
    {
        void Add(string field, string de, string en) => problems.Add(new($"{at}.{field}", de, en));

        if (!LocalId().IsMatch(question.Id) || !ids.Add(question.Id))
        {
            Add("id", "fehlt, ist doppelt oder enthält andere Zeichen als a–z, 0–9, -", "missing, duplicate or not made of a–z, 0–9, -");
        }
        if (!Enum.IsDefined(question.Kind))
        {
            Add("kind", "unbekannte Frageart", "unknown question kind");
            return;
        }
        Text(problems, $"{at}.prompt", question.Prompt, MaxPromptLength);

        var singleGoal = question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.FreeText;
        if (singleGoal ? question.GoalIds.Count != 1 : question.GoalIds.Count is 0 or > MaxGoalsPerQuestion)
        {
            Add("goalIds", singleGoal ? "genau ein Ziel" : $"1 bis {MaxGoalsPerQuestion} Ziele",
                singleGoal ? "exactly one goal" : $"1 to {MaxGoalsPerQuestion} goals");
        }
        if (question.GoalIds.Distinct(StringComparer.Ordinal).Count() != question.GoalIds.Count)
        {
            Add("goalIds", "ein Ziel kommt doppelt vor", "a goal occurs twice");
        }
        foreach (var goalId in question.GoalIds.Where(g => catalogue.FindGoal(g) is null))
        {
            Add("goalIds", $"Ziel '{goalId}' gibt es nicht im Zielkatalog", $"goal '{goalId}' is not in the catalogue");
        }

        var choice = question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (choice)
        {
            if (question.Options.Count is < MinOptions or > MaxOptions)
            {
                Add("options", $"{MinOptions} bis {MaxOptions} Antwortmöglichkeiten", $"{MinOptions} to {MaxOptions} options");
            }
            var optionIds = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < question.Options.Count; j++)
            {
                var option = question.Options[j];
                if (!LocalId().IsMatch(option.Id) || !optionIds.Add(option.Id))
                {
                    Add($"options[{j}].id", "fehlt, ist doppelt oder enthält andere Zeichen als a–z, 0–9, -", "missing, duplicate or not made of a–z, 0–9, -");
                }
                Text(problems, $"{at}.options[{j}].label", option.Label, MaxOptionLength);
            }
        }
        else if (question.Options.Count > 0)
        {
            Add("options", "nur Auswahlfragen haben Antwortmöglichkeiten", "only choice questions have options");
        }

        if (question.Kind == QuestionKind.MultipleChoice && question.MaxChoices is not { } max)
        {
            Add("maxChoices", "fehlt", "missing");
        }
        else if (question.Kind == QuestionKind.MultipleChoice && (question.MaxChoices < 1 || question.MaxChoices > question.Options.Count))
        {
            Add("maxChoices", "zwischen 1 und der Zahl der Antwortmöglichkeiten", "between 1 and the number of options");
        }
        if (question.Kind == QuestionKind.Ranking && (question.RankCount < 1 || question.RankCount > MaxRankCount || question.RankCount > question.GoalIds.Count))
        {
            Add("rankCount", $"zwischen 1 und {MaxRankCount}, höchstens so viele wie Ziele", $"between 1 and {MaxRankCount}, at most the number of goals");
        }
        if (question.Kind == QuestionKind.FreeText && (question.MaxLength < 1 || question.MaxLength > AnswerValidator.MaxTextLength))
        {
            Add("maxLength", $"zwischen 1 und {AnswerValidator.MaxTextLength} Zeichen", $"between 1 and {AnswerValidator.MaxTextLength} characters");
        }
    }

    private static void CheckAudience(List<PollProblem> problems, PollAudience audience)
    {
        void Add(string field, string de, string en) => problems.Add(new($"audience.{field}", de, en));
        switch (audience.Kind)
        {
            case AudienceKind.People when audience.PersonIds.Count is 0 or > MaxPeople:
                Add("personIds", $"1 bis {MaxPeople} Personen", $"1 to {MaxPeople} people");
                break;
            case AudienceKind.Department when string.IsNullOrWhiteSpace(audience.UnitId):
                Add("unitId", "Dezernat oder Amt fehlt", "division or office missing");
                break;
            case AudienceKind.EntraGroup when !Guid.TryParse(audience.GroupId, out _):
                Add("groupId", "Objekt-ID einer Entra-Gruppe (GUID) fehlt", "object id of an Entra group (GUID) missing");
                break;
            case AudienceKind.GroupChat or AudienceKind.Channel when string.IsNullOrWhiteSpace(audience.ConversationId):
                Add("conversationId", "Chat oder Kanal fehlt", "chat or channel missing");
                break;
            case var kind when !Enum.IsDefined(kind):
                Add("kind", "unbekannte Zielgruppe", "unknown audience");
                break;
        }
    }

    private static void Text(List<PollProblem> problems, string field, LocalizedText? text, int maxLength)
    {
        if (text is null || IsInvisible(text.De))
        {
            problems.Add(new($"{field}.de", "darf nicht leer sein", "must not be empty"));
            return;
        }
        if (text.De.Length > maxLength || (text.En?.Length ?? 0) > maxLength)
        {
            problems.Add(new(field, $"höchstens {maxLength} Zeichen", $"at most {maxLength} characters"));
        }
        foreach (var (language, value) in new[] { ("de", text.De), ("en", text.En) })
        {
            if (value is not null && value.Any(IsForbiddenCharacter))
            {
                problems.Add(new($"{field}.{language}", "enthält Steuerzeichen", "contains control characters"));
            }
        }
    }

    /// <summary>Only spaces and invisible format characters (zero-width space, joiners, direction marks) read as empty.</summary>
    private static bool IsInvisible(string? value) =>
        string.IsNullOrEmpty(value) || value.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    /// <summary>
    /// Control characters (line breaks and tabs aside) and the noncharacters U+FFFE/U+FFFF have no place in a title or
    /// prompt: cards, exports and XML break on them.
    /// </summary>
    private static bool IsForbiddenCharacter(char c) => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\uFFFE' or '\uFFFF';
}
