using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>
/// One goal in one office as the fields of an item in "Leitbild – Zielbewertung nach Amt". Which offices may be shown is
/// Core's rule (<see cref="GoalSummary.Departments"/>: the minimum group size and no subtraction); this only writes it.
/// </summary>
internal static class OfficeSummaryFields
{
    public static string RowKey(string goalId, string officeId) => $"{goalId}:{officeId}";

    /// <summary>An office the rule shows: its counts, mean and distribution.</summary>
    public static Dictionary<string, object?> Shown(GoalSummary summary, DepartmentSummary office, ResultsLabels labels)
    {
        var fields = Identity(summary, office.DepartmentId, labels);
        fields["Status"] = null;
        fields["RespondentCount"] = (double)office.RespondentCount;
        fields["RatingCount"] = (double)office.RatingCount;
        fields["MeanRating"] = office.MeanRating;
        fields["Distribution"] = string.Join(" · ", office.Distribution.Select((count, i) => $"{i + 1}: {count}"));
        return fields;
    }

    /// <summary>
    /// An office that was shown once and is not any more (fewer people now, or a new small office made the rest too
    /// small): its row stays so that a link to it keeps working, but says so and shows no numbers.
    /// </summary>
    public static Dictionary<string, object?> Withheld(GoalSummary summary, string officeId, ResultsLabels labels)
    {
        var fields = Identity(summary, officeId, labels);
        fields["Status"] = labels.TooFewAnswers;
        fields["RespondentCount"] = null;
        fields["RatingCount"] = null;
        fields["MeanRating"] = null;
        fields["Distribution"] = null;
        return fields;
    }

    private static Dictionary<string, object?> Identity(GoalSummary summary, string officeId, ResultsLabels labels) => new(StringComparer.Ordinal)
    {
        ["Title"] = ListText.Fit(labels.Goal(summary.GoalId) ?? summary.GoalId),
        ["RowKey"] = RowKey(summary.GoalId, officeId),
        ["GoalId"] = summary.GoalId,
        ["GoalText"] = ListText.Fit(labels.Goal(summary.GoalId)),
        ["FieldOfAction"] = summary.FieldOfActionId,
        ["FieldOfActionName"] = ListText.Fit(labels.FieldOfAction(summary.FieldOfActionId)),
        ["Department"] = officeId,
        ["OfficeName"] = ListText.Fit(labels.Office(officeId) ?? officeId),
        ["DivisionName"] = ListText.Fit(labels.DivisionOf(officeId)),
    };
}
