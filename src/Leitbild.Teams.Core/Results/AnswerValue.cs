namespace Leitbild.Teams.Core.Results;

public enum AnswerKind
{
    /// <summary>A rating from 1 (disagree) to 5 (agree).</summary>
    Rating,
    /// <summary>The person chose "keine Angabe" on a rating question.</summary>
    NoAnswer,
    /// <summary>One or more options of a choice question.</summary>
    Choice,
    /// <summary>The position the person gave the goal in a ranking (1 = most important).</summary>
    Rank,
    /// <summary>Free text (a comment).</summary>
    Text,
}

/// <summary>The value of an answer; exactly the member that belongs to <see cref="Kind"/> is set.</summary>
public sealed record AnswerValue
{
    public required AnswerKind Kind { get; init; }
    public int? Rating { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public int? Rank { get; init; }
    public string? Text { get; init; }

    public static AnswerValue OfRating(int rating) => new() { Kind = AnswerKind.Rating, Rating = rating };

    public static AnswerValue None { get; } = new() { Kind = AnswerKind.NoAnswer };

    public static AnswerValue OfChoices(params string[] choices) => new() { Kind = AnswerKind.Choice, Choices = choices };

    public static AnswerValue OfRank(int rank) => new() { Kind = AnswerKind.Rank, Rank = rank };

    public static AnswerValue OfText(string text) => new() { Kind = AnswerKind.Text, Text = text };

    /// <summary>
    /// A rank the person took back by ranking other goals. Stored under the same key as the rank it replaces, so the
    /// old rank is overwritten in every store (no second #1) and a retry writes the same thing again.
    /// </summary>
    public static AnswerValue WithdrawnRank { get; } = new() { Kind = AnswerKind.Rank };

    /// <summary>A comment the person took back (sent the text field empty): overwrites the text everywhere.</summary>
    public static AnswerValue WithdrawnText { get; } = new() { Kind = AnswerKind.Text };

    /// <summary>True for a rank or comment the person took back: it counts as nothing, and "your answer" leaves it out.</summary>
    public bool IsWithdrawn => (Kind == AnswerKind.Rank && Rank is null) || (Kind == AnswerKind.Text && Text is null);

    public bool Equals(AnswerValue? other) =>
        other is not null && Kind == other.Kind && Rating == other.Rating && Rank == other.Rank
        && string.Equals(Text, other.Text, StringComparison.Ordinal) && Choices.SequenceEqual(other.Choices, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Rating, Rank, Text, Choices.Count);
}
