using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>A count for one group (a Dezernat) that may be shown.</summary>
public sealed record GroupCount(string GroupId, int Count);

/// <summary>
/// The 5-person rule for counts by group, the same as <see cref="GoalSummaryCalculator"/> applies to departments:
/// a group is shown only with at least <see cref="MinimumGroupSize"/> people, and the rest
/// (hidden groups plus people without a group) must be empty or itself hold at least that many, so a hidden group
/// cannot be worked out by subtracting the shown ones from the total; otherwise the smallest shown groups are hidden too.
/// </summary>
public static class SmallGroups
{
    public static (IReadOnlyList<GroupCount> Shown, bool Withheld) Apply(IReadOnlyDictionary<string, int> counts, int total, MinimumGroupSize minimum)
    {
        var shown = counts.Where(c => minimum.Allows(c.Value))
            .OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new GroupCount(c.Key, c.Value)).ToList();
        while (shown.Count > 0 && total - shown.Sum(g => g.Count) is var rest && rest > 0 && !minimum.Allows(rest))
        {
            shown.RemoveAt(0);
        }
        return (shown.OrderBy(g => g.GroupId, StringComparer.Ordinal).ToList(), shown.Count < counts.Count);
    }
}
