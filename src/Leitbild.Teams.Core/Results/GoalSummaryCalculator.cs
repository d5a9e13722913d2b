namespace Leitbild.Teams.Core.Results;

/// <summary>Computes <see cref="GoalSummary"/> from answers; both stores use this one rule.</summary>
public static class GoalSummaryCalculator
{
    /// <summary>Results by department only where at least this many different people answered.</summary>
    public const int MinimumGroupSize = 5;

    public static GoalSummary Compute(string goalId, IEnumerable<Answer> answers)
    {
        var forGoal = answers.Where(a => a.GoalId == goalId).OrderBy(a => a.AnsweredAt).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        var ratings = forGoal.Where(a => a.Value.Kind == AnswerKind.Rating && a.Value.Rating is >= 1 and <= 5).Select(a => a.Value.Rating!.Value).ToList();
        var ranks = forGoal.Where(a => a.Value.Kind == AnswerKind.Rank && a.Value.Rank is not null).Select(a => a.Value.Rank!.Value).ToList();
        var choiceCounts = forGoal.Where(a => a.Value.Kind == AnswerKind.Choice)
            .SelectMany(a => a.Value.Choices)
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var (departments, withheld) = Departments(forGoal);
        return new GoalSummary
        {
            GoalId = goalId,
            FieldOfActionId = forGoal.Select(a => a.FieldOfActionId).FirstOrDefault(),
            AnswerCount = forGoal.Count,
            RespondentCount = forGoal.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal).Count(),
            RatingCount = ratings.Count,
            NoAnswerCount = forGoal.Count(a => a.Value.Kind == AnswerKind.NoAnswer),
            MeanRating = Mean(ratings),
            Distribution = Distribution(ratings),
            MeanRank = Mean(ranks),
            ChoiceCounts = choiceCounts,
            // Interview statements are texts too, but whether they may be shown depends on the interviewee's consent,
            // which only the evaluation knows: they never become comments here.
            Comments = forGoal.Where(a => a.Value.Kind == AnswerKind.Text && a.Channel != AnswerChannel.Interview && !string.IsNullOrWhiteSpace(a.Value.Text)).Select(a => a.Value.Text!.Trim()).ToList(),
            Departments = departments,
            DepartmentsWithheld = withheld,
        };
    }

    /// <summary>
    /// Departments with fewer than five respondents are left out. So that they cannot be worked out by subtracting the
    /// shown departments from the total, the rest (left-out departments plus answers without department) must itself
    /// be empty or hold at least five respondents; otherwise the smallest shown departments are left out too.
    /// </summary>
    private static (IReadOnlyList<DepartmentSummary> Shown, bool Withheld) Departments(List<Answer> forGoal)
    {
        var groups = forGoal.Where(a => a.DepartmentId is not null)
            .GroupBy(a => a.DepartmentId!, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Answers: g.ToList(), Respondents: g.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
        var shown = groups.Where(g => g.Respondents >= MinimumGroupSize).OrderBy(g => g.Respondents).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
        var totalRespondents = forGoal.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal).Count();
        int Rest() => totalRespondents - shown.Sum(g => g.Respondents);
        while (shown.Count > 0 && Rest() is > 0 and < MinimumGroupSize)
        {
            shown.RemoveAt(0);
        }
        var withheld = shown.Count < groups.Count;
        var result = shown.OrderBy(g => g.Id, StringComparer.Ordinal).Select(g =>
        {
            var ratings = g.Answers.Where(a => a.Value.Kind == AnswerKind.Rating && a.Value.Rating is >= 1 and <= 5).Select(a => a.Value.Rating!.Value).ToList();
            return new DepartmentSummary(g.Id, g.Respondents, ratings.Count, Mean(ratings), Distribution(ratings));
        }).ToList();
        return (result, withheld);
    }

    private static double? Mean(List<int> values) => values.Count == 0 ? null : Math.Round(values.Average(), 2);

    private static int[] Distribution(List<int> ratings)
    {
        var counts = new int[5];
        foreach (var rating in ratings)
        {
            counts[rating - 1]++;
        }
        return counts;
    }
}
