using System.Globalization;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>A goal summary as the fields of one item in "Leitbild – Zielbewertung".</summary>
internal static class SummaryFields
{
    /// <summary>A note column holds 63,999 characters; leave room for the ellipsis.</summary>
    private const int MaxCommentsLength = 60_000;

    public static Dictionary<string, object?> ToFields(GoalSummary summary, ResultsLabels labels)
    {
        var comments = string.Join("\n\n", summary.Comments.Select(c => "• " + c));
        if (comments.Length > MaxCommentsLength)
        {
            comments = comments[..MaxCommentsLength] + " …";
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Title"] = ListText.Fit(labels.Goal(summary.GoalId) ?? summary.GoalId),
            ["GoalId"] = summary.GoalId,
            ["GoalText"] = ListText.Fit(labels.Goal(summary.GoalId)),
            ["FieldOfAction"] = summary.FieldOfActionId,
            ["FieldOfActionName"] = ListText.Fit(labels.FieldOfAction(summary.FieldOfActionId)),
            ["AnswerCount"] = (double)summary.AnswerCount,
            ["RespondentCount"] = (double)summary.RespondentCount,
            ["RatingCount"] = (double)summary.RatingCount,
            ["NoAnswerCount"] = (double)summary.NoAnswerCount,
            ["MeanRating"] = summary.MeanRating,
            // Below the minimum group size there is no distribution to show (all zeros would read as "nobody agreed").
            ["Distribution"] = summary.TooFewRespondents ? null : summary.DistributionText,
            ["Comments"] = comments.Length == 0 ? null : comments,
        };
    }

    /// <summary>True when the stored item already shows these values (UpdatedAt aside): then nothing is written.</summary>
    public static bool Same(IReadOnlyDictionary<string, object?> stored, Dictionary<string, object?> wanted) => wanted.All(w => w.Value switch
    {
        null => FieldValues.Text(stored, w.Key) is null,
        double number => FieldValues.Number(stored, w.Key) is { } s && Math.Abs(s - number) < 0.0001,
        _ => string.Equals(FieldValues.Text(stored, w.Key), Convert.ToString(w.Value, CultureInfo.InvariantCulture), StringComparison.Ordinal),
    });
}
