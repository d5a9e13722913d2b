namespace Leitbild.Teams.Core.Results;

/// <summary>
/// The goals of one field of action (Handlungsfeld) taken together: answers and ratings added up, the mean over every
/// rating. People are not counted here: one person rates several goals, and the goal summaries do not say who.
/// </summary>
public sealed record FieldOfActionSummary(string FieldOfActionId, int AnswerCount, int RatingCount, int NoAnswerCount, double? MeanRating, IReadOnlyList<int> Distribution)
{
    public static FieldOfActionSummary Combine(string fieldOfActionId, IEnumerable<GoalSummary> goals)
    {
        var distribution = new int[5];
        int answers = 0, noAnswer = 0;
        foreach (var goal in goals)
        {
            answers += goal.AnswerCount;
            noAnswer += goal.NoAnswerCount;
            for (var i = 0; i < distribution.Length; i++)
            {
                distribution[i] += goal.Distribution[i];
            }
        }
        var ratings = distribution.Sum();
        double? mean = ratings == 0 ? null : Math.Round(distribution.Select((count, i) => (double)count * (i + 1)).Sum() / ratings, 2);
        return new FieldOfActionSummary(fieldOfActionId, answers, ratings, noAnswer, mean, distribution);
    }
}
