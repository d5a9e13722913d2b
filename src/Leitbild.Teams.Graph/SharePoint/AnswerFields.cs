using System.Globalization;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>An answer as the fields of one item in "Leitbild – Rückmeldungen", and back.</summary>
internal static class AnswerFields
{
    /// <summary>Separates several choices in one text column (the validator keeps '|' out of choices).</summary>
    public const string ChoiceSeparator = " | ";

    /// <summary>
    /// The item's fields. A PATCH sends empty columns as null, so a changed answer clears what no longer applies;
    /// a create leaves them out (smaller, and it names only columns this kind of answer uses).
    /// </summary>
    public static Dictionary<string, object?> ToFields(Answer answer, ResultsLabels labels, bool includeEmpty)
    {
        var fields = AllFields(answer, labels);
        return includeEmpty ? fields : fields.Where(f => f.Value is not null).ToDictionary(StringComparer.Ordinal);
    }

    private static Dictionary<string, object?> AllFields(Answer answer, ResultsLabels labels)
    {
        var value = answer.Value;
        var goalText = labels.Goal(answer.GoalId);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // The title is what SharePoint shows first and links to the item: the goal's wording, never the key
            // (the key of a named answer holds the person's object id).
            ["Title"] = ListText.Fit(goalText ?? answer.GoalId),
            ["AnswerKey"] = answer.Key,
            ["PollTitle"] = ListText.Fit(labels.Poll(answer.PollId)),
            ["QuestionText"] = ListText.Fit(labels.Question(answer.PollId, answer.QuestionId)),
            ["GoalText"] = ListText.Fit(goalText),
            ["FieldOfActionName"] = ListText.Fit(labels.FieldOfAction(answer.FieldOfActionId)),
            ["OfficeName"] = ListText.Fit(labels.Office(answer.DepartmentId)),
            ["DivisionName"] = ListText.Fit(labels.DivisionOf(answer.DepartmentId)),
            ["ChoiceTexts"] = value.Kind == AnswerKind.Choice
                ? ListText.Fit(string.Join(ChoiceSeparator, value.Choices.Select(c => labels.Choice(answer.PollId, answer.QuestionId, c))))
                : null,
            ["PersonName"] = ListText.Fit(labels.Person(answer.RespondentKey)),
            ["PollId"] = answer.PollId,
            ["QuestionId"] = answer.QuestionId,
            ["GoalId"] = answer.GoalId,
            ["FieldOfAction"] = answer.FieldOfActionId,
            ["AnswerKind"] = ResultsLists.KindLabels[value.Kind],
            ["Rating"] = value.Rating is { } rating ? (double)rating : null,
            ["Choices"] = value.Kind == AnswerKind.Choice ? string.Join(ChoiceSeparator, value.Choices) : null,
            ["Rank"] = value.Rank is { } rank ? (double)rank : null,
            ["AnswerText"] = value.Text,
            ["Department"] = answer.DepartmentId,
            ["RespondentKey"] = answer.RespondentKey,
            ["AnsweredAt"] = answer.AnsweredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Phase"] = answer.PhaseId,
            ["Channel"] = ResultsLists.ChannelLabels[answer.Channel],
            ["AppVersion"] = answer.AppVersion,
        };
    }

    /// <summary>Null where the item is not one of ours (e.g. a row someone typed in by hand).</summary>
    public static Answer? FromFields(IReadOnlyDictionary<string, object?> fields)
    {
        var kindLabel = FieldValues.Text(fields, "AnswerKind");
        var channelLabel = FieldValues.Text(fields, "Channel");
        var kind = ResultsLists.KindLabels.FirstOrDefault(k => k.Value == kindLabel);
        var channel = ResultsLists.ChannelLabels.FirstOrDefault(c => c.Value == channelLabel);
        if (kindLabel is null || kind.Value is null || channel.Value is null)
        {
            return null;
        }
        var pollId = FieldValues.Text(fields, "PollId");
        var questionId = FieldValues.Text(fields, "QuestionId");
        var goalId = FieldValues.Text(fields, "GoalId");
        var respondent = FieldValues.Text(fields, "RespondentKey");
        var answeredAt = FieldValues.Date(fields, "AnsweredAt");
        if (pollId is null || questionId is null || goalId is null || respondent is null || answeredAt is null)
        {
            return null;
        }
        var value = kind.Key switch
        {
            AnswerKind.Rating => AnswerValue.OfRating((int)(FieldValues.Number(fields, "Rating") ?? 0)),
            AnswerKind.NoAnswer => AnswerValue.None,
            AnswerKind.Choice => AnswerValue.OfChoices((FieldValues.Text(fields, "Choices") ?? "").Split(ChoiceSeparator)),
            // An empty rank or text is one the person withdrew (the item was overwritten, not deleted).
            AnswerKind.Rank => FieldValues.Number(fields, "Rank") is { } rank ? AnswerValue.OfRank((int)rank) : AnswerValue.WithdrawnRank,
            _ => FieldValues.Text(fields, "AnswerText") is { } text ? AnswerValue.OfText(text) : AnswerValue.WithdrawnText,
        };
        return new Answer
        {
            PollId = pollId,
            QuestionId = questionId,
            GoalId = goalId,
            FieldOfActionId = FieldValues.Text(fields, "FieldOfAction") ?? "",
            Value = value,
            DepartmentId = FieldValues.Text(fields, "Department"),
            RespondentKey = respondent,
            AnsweredAt = answeredAt.Value.ToUniversalTime(),
            PhaseId = FieldValues.Text(fields, "Phase") ?? "",
            Channel = channel.Key,
            AppVersion = FieldValues.Text(fields, "AppVersion") ?? "",
        };
    }
}
