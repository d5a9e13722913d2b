namespace Leitbild.Teams.Core.Results;

/// <summary>Which answers <see cref="IResultsStore.DeleteNamedAnswersAsync"/> deletes, the same for every store.</summary>
public static class NamedAnswers
{
    /// <summary>
    /// The person's respondent key as named polls store it (lower-case GUID), or null for "every named answer".
    /// An anonymous key or anything else that is no object id is refused: it could never select a named answer.
    /// </summary>
    public static string? PersonOrAll(string? respondentKey)
    {
        if (respondentKey is null)
        {
            return null;
        }
        if (!Guid.TryParse(respondentKey, out _))
        {
            throw new ArgumentException("A named answer's respondent key is an Entra object id (GUID).", nameof(respondentKey));
        }
        return RespondentKeys.ForNamedPoll(respondentKey);
    }

    /// <summary>Whether a stored answer is one this deletion covers.</summary>
    public static bool Covers(string? storedRespondentKey, string? person) =>
        storedRespondentKey is { Length: > 0 } key
        && !RespondentKeys.IsAnonymous(key)
        && (person is null || string.Equals(key, person, StringComparison.OrdinalIgnoreCase));
}
