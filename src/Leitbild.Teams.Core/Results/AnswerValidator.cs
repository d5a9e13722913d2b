using System.Text.RegularExpressions;

namespace Leitbild.Teams.Core.Results;

/// <summary>One reason an answer is refused, in German (first) and English.</summary>
public sealed record AnswerValidationError(string Field, string German, string English)
{
    public override string ToString() => $"{Field}: {German} / {English}";
}

/// <summary>Thrown before anything is stored: the caller shows the message, nothing was changed.</summary>
public sealed class AnswerValidationException(IReadOnlyList<AnswerValidationError> errors)
    : Exception("Rückmeldung abgelehnt / answer rejected: " + string.Join("; ", errors))
{
    public IReadOnlyList<AnswerValidationError> Errors { get; } = errors;
}

/// <summary>
/// The limits an answer must keep before it may enter the outbox. They protect the SharePoint list (a text column
/// holds 255 characters, a note a few thousand), the $batch body size, and the key format the stores rely on.
/// </summary>
public static partial class AnswerValidator
{
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 2000;
    public const int MaxChoices = 20;
    public const int MaxChoiceLength = 100;
    public const int MaxRank = 100;
    public const int MaxAppVersionLength = 32;
    /// <summary>Clock skew tolerated between the Teams client and the server.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^anon-[A-Za-z0-9_-]{43}$")]
    private static partial Regex AnonymousKeyPattern();

    [GeneratedRegex("^[A-Za-z0-9.+-]{1,32}$")]
    private static partial Regex VersionPattern();

    public static IReadOnlyList<AnswerValidationError> Validate(Answer answer, DateTimeOffset now)
    {
        var errors = new List<AnswerValidationError>();
        Id(errors, "pollId", answer.PollId);
        Id(errors, "questionId", answer.QuestionId);
        Id(errors, "goalId", answer.GoalId);
        Id(errors, "fieldOfActionId", answer.FieldOfActionId);
        Id(errors, "phaseId", answer.PhaseId);
        if (answer.DepartmentId is not null)
        {
            Id(errors, "departmentId", answer.DepartmentId);
        }
        if (!IsRespondentKey(answer.RespondentKey))
        {
            errors.Add(new("respondentKey",
                "muss eine Entra-Objekt-ID (GUID) oder ein anonymer Schlüssel sein",
                "must be an Entra object id (GUID) or an anonymous key"));
        }
        if (answer.AppVersion is null || !VersionPattern().IsMatch(answer.AppVersion))
        {
            errors.Add(new("appVersion", "fehlt oder ist ungültig (höchstens 32 Zeichen)", "missing or invalid (at most 32 characters)"));
        }
        if (!Enum.IsDefined(answer.Channel))
        {
            errors.Add(new("channel", "unbekannter Kanal", "unknown channel"));
        }
        if (answer.AnsweredAt == default || answer.AnsweredAt > now + FutureTolerance)
        {
            errors.Add(new("answeredAt", "fehlt oder liegt in der Zukunft", "missing or in the future"));
        }
        ValidateValue(errors, answer.Value);
        return errors;
    }

    public static void ThrowIfInvalid(Answer answer, DateTimeOffset now)
    {
        var errors = Validate(answer, now);
        if (errors.Count > 0)
        {
            throw new AnswerValidationException(errors);
        }
    }

    public static bool IsRespondentKey(string? key) =>
        key is not null && ((Guid.TryParseExact(key, "D", out _) && key.Length == 36) || AnonymousKeyPattern().IsMatch(key));

    private static void ValidateValue(List<AnswerValidationError> errors, AnswerValue? value)
    {
        if (value is null || !Enum.IsDefined(value.Kind))
        {
            errors.Add(new("value", "fehlt oder hat eine unbekannte Art", "missing or of an unknown kind"));
            return;
        }
        var onlyOwnMember = value.Kind switch
        {
            AnswerKind.Rating => value.Rank is null && value.Text is null && value.Choices.Count == 0,
            AnswerKind.NoAnswer => value.Rating is null && value.Rank is null && value.Text is null && value.Choices.Count == 0,
            AnswerKind.Choice => value.Rating is null && value.Rank is null && value.Text is null,
            AnswerKind.Rank => value.Rating is null && value.Text is null && value.Choices.Count == 0,
            AnswerKind.Text => value.Rating is null && value.Rank is null && value.Choices.Count == 0,
            _ => false,
        };
        if (!onlyOwnMember)
        {
            errors.Add(new("value", "enthält Angaben, die nicht zur Art der Antwort passen", "carries data that does not belong to its kind"));
        }
        switch (value.Kind)
        {
            case AnswerKind.Rating when value.Rating is not (>= 1 and <= 5):
                errors.Add(new("value.rating", "muss zwischen 1 und 5 liegen", "must be between 1 and 5"));
                break;
            // A null rank is a withdrawn one (AnswerValue.WithdrawnRank).
            case AnswerKind.Rank when value.Rank is not null and not (>= 1 and <= MaxRank):
                errors.Add(new("value.rank", $"muss zwischen 1 und {MaxRank} liegen", $"must be between 1 and {MaxRank}"));
                break;
            case AnswerKind.Choice:
                ValidateChoices(errors, value.Choices);
                break;
            // A null text is a withdrawn comment (AnswerValue.WithdrawnText); an empty one is refused.
            case AnswerKind.Text when value.Text is not null:
                ValidateText(errors, value.Text);
                break;
        }
    }

    private static void ValidateChoices(List<AnswerValidationError> errors, IReadOnlyList<string> choices)
    {
        if (choices.Count is 0 or > MaxChoices)
        {
            errors.Add(new("value.choices", $"1 bis {MaxChoices} Optionen erwartet", $"1 to {MaxChoices} options expected"));
            return;
        }
        // '|' separates choices in the SharePoint text column.
        if (choices.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxChoiceLength || c.Contains('|', StringComparison.Ordinal) || c.Any(char.IsControl)))
        {
            errors.Add(new("value.choices",
                $"jede Option braucht 1 bis {MaxChoiceLength} Zeichen, ohne '|' und Steuerzeichen",
                $"each option needs 1 to {MaxChoiceLength} characters, without '|' and control characters"));
        }
        if (choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            errors.Add(new("value.choices", "enthält eine Option doppelt", "contains an option twice"));
        }
    }

    private static void ValidateText(List<AnswerValidationError> errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new("value.text", "ist leer", "is empty"));
        }
        else if (text.Length > MaxTextLength)
        {
            errors.Add(new("value.text", $"ist länger als {MaxTextLength} Zeichen", $"is longer than {MaxTextLength} characters"));
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(new("value.text", "enthält Steuerzeichen", "contains control characters"));
        }
    }

    private static void Id(List<AnswerValidationError> errors, string field, string? value)
    {
        if (value is null || !IdPattern().IsMatch(value))
        {
            errors.Add(new(field,
                $"fehlt oder ist ungültig (1–{MaxIdLength} Zeichen: Buchstaben, Ziffern, '.', '_', '-')",
                $"missing or invalid (1–{MaxIdLength} characters: letters, digits, '.', '_', '-')"));
        }
    }
}
