namespace Leitbild.Teams.Core.Results;

/// <summary>
/// What the answers to one goal say: how many, the mean rating and its distribution, the comments, and a breakdown
/// by department (Amt) only where a department has at least <see cref="MinimumGroupSize"/> distinct respondents.
/// Below that minimum for the goal as a whole, <see cref="TooFewRespondents"/> is set and only the respondent count is given.
/// </summary>
public sealed record GoalSummary
{
    public required string GoalId { get; init; }
    public string? FieldOfActionId { get; init; }
    public required int AnswerCount { get; init; }
    public required int RespondentCount { get; init; }
    public required int RatingCount { get; init; }
    public required int NoAnswerCount { get; init; }
    /// <summary>Mean of the 1–5 ratings; null without ratings.</summary>
    public double? MeanRating { get; init; }
    /// <summary>Count of ratings 1 to 5, index 0 = rating 1.</summary>
    public required IReadOnlyList<int> Distribution { get; init; }
    public double? MeanRank { get; init; }
    public IReadOnlyDictionary<string, int> ChoiceCounts { get; init; } = new Dictionary<string, int>();
    /// <summary>Free-text answers, oldest first, without anything that says who wrote them.</summary>
    public required IReadOnlyList<string> Comments { get; init; }
    public required IReadOnlyList<DepartmentSummary> Departments { get; init; }
    /// <summary>True where departments were left out to protect small groups.</summary>
    public bool DepartmentsWithheld { get; init; }
    /// <summary>
    /// True where people answered but fewer than the minimum group size: counts, distribution, means and comments are
    /// empty, and readers say "noch zu wenige Antworten".
    /// </summary>
    public bool TooFewRespondents { get; init; }

    /// <summary>"3×1, 5×2, …" style text of the distribution, as the SharePoint summary list shows it.</summary>
    public string DistributionText => string.Join(" · ", Distribution.Select((count, i) => $"{i + 1}: {count}"));
}

public sealed record DepartmentSummary(string DepartmentId, int RespondentCount, int RatingCount, double? MeanRating, IReadOnlyList<int> Distribution);
