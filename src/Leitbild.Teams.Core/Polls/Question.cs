using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Polls;

public enum QuestionKind
{
    /// <summary>Several goals, each rated 1–5 or "keine Angabe".</summary>
    GoalRating,
    /// <summary>One option about one goal (e.g. the preferred wording).</summary>
    SingleChoice,
    /// <summary>Up to <see cref="Question.MaxChoices"/> options about one goal.</summary>
    MultipleChoice,
    /// <summary>The top <see cref="Question.RankCount"/> of a list of goals.</summary>
    Ranking,
    /// <summary>A comment on one goal, up to <see cref="Question.MaxLength"/> characters.</summary>
    FreeText,
}

public sealed record QuestionOption(string Id, LocalizedText Label);

/// <summary>
/// One question of a poll. Every question is about goals of the catalogue, so every answer lands on a goal:
/// rating and ranking list several goals, choice and free text are about exactly one.
/// </summary>
public sealed record Question
{
    public required string Id { get; init; }
    public required QuestionKind Kind { get; init; }
    public required LocalizedText Prompt { get; init; }
    public required IReadOnlyList<string> GoalIds { get; init; }
    public IReadOnlyList<QuestionOption> Options { get; init; } = [];
    public int? MaxChoices { get; init; }
    public int RankCount { get; init; } = 3;
    public int MaxLength { get; init; } = 500;
    /// <summary>Whether the person must answer before the card accepts the page.</summary>
    public bool Required { get; init; }
}
