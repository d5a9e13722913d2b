namespace Leitbild.Teams.Core.Results;

/// <summary>
/// The counts behind a <see cref="GoalSummary"/>, as a store can compute them in its own query language without
/// reading each answer. Nothing here is shown as it is: <see cref="GoalSummaryCalculator.FromTally"/> applies the rules.
/// </summary>
public sealed record GoalTally
{
    public required string GoalId { get; init; }
    /// <summary>The field of action of the earliest answer (by answered-at, then key).</summary>
    public string? FieldOfActionId { get; init; }
    public required int AnswerCount { get; init; }
    /// <summary>Distinct respondent keys over all the goal's answers.</summary>
    public required int RespondentCount { get; init; }
    /// <summary>Rating answers with a rating of 1 to 5, index 0 = rating 1.</summary>
    public required IReadOnlyList<int> Distribution { get; init; }
    public required int NoAnswerCount { get; init; }
    public int RankCount { get; init; }
    public long RankSum { get; init; }
    public IReadOnlyDictionary<string, int> ChoiceCounts { get; init; } = new Dictionary<string, int>();
    /// <summary>Every free-text answer with its answer key, oldest first (blank ones included; the rules drop them and hidden ones).</summary>
    public IReadOnlyList<TallyText> Texts { get; init; } = [];
    /// <summary>Every department that answered, however small: the rule decides which may be shown.</summary>
    public IReadOnlyList<DepartmentTally> Departments { get; init; } = [];

    public static GoalTally Empty(string goalId) => new() { GoalId = goalId, AnswerCount = 0, RespondentCount = 0, Distribution = new int[5], NoAnswerCount = 0 };
}

/// <summary>One free-text answer in a tally: the key says whether an organizer hid it.</summary>
public sealed record TallyText(string AnswerKey, string? Text);

/// <summary>One department's distinct respondents and ratings (1 to 5) for one goal.</summary>
public sealed record DepartmentTally(string DepartmentId, int RespondentCount, IReadOnlyList<int> Distribution);

/// <summary>Computes <see cref="GoalSummary"/> from answers or from a store's tallies; both stores use this one rule.</summary>
public static class GoalSummaryCalculator
{
    public static GoalSummary Compute(string goalId, IEnumerable<Answer> answers, SummaryRules rules) => FromTally(Tally(goalId, answers), rules);

    /// <summary>The counts of one goal's answers, as a store would compute them.</summary>
    public static GoalTally Tally(string goalId, IEnumerable<Answer> answers)
    {
        var forGoal = answers.Where(a => a.GoalId == goalId).OrderBy(a => a.AnsweredAt).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        var ranks = forGoal.Where(a => a.Value.Kind == AnswerKind.Rank && a.Value.Rank is not null).Select(a => a.Value.Rank!.Value).ToList();
        return new GoalTally
        {
            GoalId = goalId,
            FieldOfActionId = forGoal.Select(a => a.FieldOfActionId).FirstOrDefault(),
            AnswerCount = forGoal.Count,
            RespondentCount = forGoal.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal).Count(),
            Distribution = Distribution(forGoal),
            NoAnswerCount = forGoal.Count(a => a.Value.Kind == AnswerKind.NoAnswer),
            RankCount = ranks.Count,
            RankSum = ranks.Sum(r => (long)r),
            ChoiceCounts = forGoal.Where(a => a.Value.Kind == AnswerKind.Choice)
                .SelectMany(a => a.Value.Choices)
                .GroupBy(c => c, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            // Interview statements are texts too, but whether they may be shown depends on the interviewee's consent,
            // which only the evaluation knows: they never become comments here.
            Texts = forGoal.Where(a => a.Value.Kind == AnswerKind.Text && a.Channel != AnswerChannel.Interview).Select(a => new TallyText(a.Key, a.Value.Text)).ToList(),
            Departments = forGoal.Where(a => a.DepartmentId is not null)
                .GroupBy(a => a.DepartmentId!, StringComparer.Ordinal)
                .Select(g => new DepartmentTally(g.Key, g.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal).Count(), Distribution(g)))
                .ToList(),
        };
    }

    /// <summary>
    /// The summary the tab, the export and SharePoint show: means, comments (without hidden ones), and departments only
    /// where allowed. Below the minimum group size nothing of what people answered is shown — only how many answered —
    /// so that the second person to answer cannot read the first one's answer, nor a reviewer the answer of the one
    /// person a poll went to.
    /// </summary>
    public static GoalSummary FromTally(GoalTally tally, SummaryRules rules)
    {
        if (!rules.Minimum.Allows(tally.RespondentCount))
        {
            return TooFew(tally);
        }
        var (departments, withheld) = Departments(tally, rules.Minimum.Value);
        var ratingCount = tally.Distribution.Sum();
        return new GoalSummary
        {
            GoalId = tally.GoalId,
            FieldOfActionId = tally.FieldOfActionId,
            AnswerCount = tally.AnswerCount,
            RespondentCount = tally.RespondentCount,
            RatingCount = ratingCount,
            NoAnswerCount = tally.NoAnswerCount,
            MeanRating = Mean(tally.Distribution),
            Distribution = [.. tally.Distribution],
            MeanRank = tally.RankCount == 0 ? null : Math.Round((double)tally.RankSum / tally.RankCount, 2),
            ChoiceCounts = tally.ChoiceCounts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            Comments = tally.Texts.Where(t => !string.IsNullOrWhiteSpace(t.Text) && !rules.Hidden.Hides(t.AnswerKey)).Select(t => t.Text!.Trim()).ToList(),
            Departments = departments,
            DepartmentsWithheld = withheld,
        };
    }

    private static GoalSummary TooFew(GoalTally tally) => new()
    {
        GoalId = tally.GoalId,
        FieldOfActionId = tally.FieldOfActionId,
        AnswerCount = 0,
        RespondentCount = tally.RespondentCount,
        RatingCount = 0,
        NoAnswerCount = 0,
        Distribution = new int[5],
        Comments = [],
        Departments = [],
        DepartmentsWithheld = tally.Departments.Count > 0,
        TooFewRespondents = tally.RespondentCount > 0,
    };

    /// <summary>
    /// Departments with fewer than the minimum of respondents are left out. So that they cannot be worked out by subtracting the
    /// shown departments from the total, the rest (left-out departments plus answers without department) must itself
    /// be empty or hold at least the minimum of respondents; otherwise the smallest shown departments are left out too.
    /// </summary>
    private static (IReadOnlyList<DepartmentSummary> Shown, bool Withheld) Departments(GoalTally tally, int minimum)
    {
        var shown = tally.Departments.Where(d => d.RespondentCount >= minimum)
            .OrderBy(d => d.RespondentCount).ThenBy(d => d.DepartmentId, StringComparer.Ordinal).ToList();
        int Rest() => tally.RespondentCount - shown.Sum(d => d.RespondentCount);
        while (shown.Count > 0 && Rest() > 0 && Rest() < minimum)
        {
            shown.RemoveAt(0);
        }
        var withheld = shown.Count < tally.Departments.Count;
        var result = shown.OrderBy(d => d.DepartmentId, StringComparer.Ordinal)
            .Select(d => new DepartmentSummary(d.DepartmentId, d.RespondentCount, d.Distribution.Sum(), Mean(d.Distribution), [.. d.Distribution]))
            .ToList();
        return (result, withheld);
    }

    /// <summary>The mean of the ratings a distribution counts, to two places; null without ratings.</summary>
    private static double? Mean(IReadOnlyList<int> distribution)
    {
        long count = 0, sum = 0;
        for (var i = 0; i < distribution.Count; i++)
        {
            count += distribution[i];
            sum += (long)distribution[i] * (i + 1);
        }
        return count == 0 ? null : Math.Round((double)sum / count, 2);
    }

    private static int[] Distribution(IEnumerable<Answer> answers)
    {
        var counts = new int[5];
        foreach (var answer in answers)
        {
            if (answer.Value.Kind == AnswerKind.Rating && answer.Value.Rating is >= 1 and <= 5)
            {
                counts[answer.Value.Rating.Value - 1]++;
            }
        }
        return counts;
    }
}
