namespace Leitbild.Teams.Core.Polls;

/// <summary>
/// The input ids a poll card uses, and what their values mean. The card builder and the submission reader both
/// use these, so a card always reads back as it was built.
/// </summary>
public static class PollInputs
{
    /// <summary>The value of the "keine Angabe" choice of a rating.</summary>
    public const string NoAnswer = "na";

    /// <summary>Rating of one goal: "1"–"5" or <see cref="NoAnswer"/>.</summary>
    public static string Rating(Question question, string goalId) => $"{question.Id}.{goalId}";

    /// <summary>Choice questions: one option id, or several comma-separated (Input.ChoiceSet with isMultiSelect).</summary>
    public static string Choice(Question question) => question.Id;

    /// <summary>Ranking: the goal id the person put at position 1, 2, 3 …</summary>
    public static string RankPosition(Question question, int position) => $"{question.Id}.rank{position}";

    public static string Text(Question question) => question.Id;
}
