using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>What a statement says about a goal or field of action.</summary>
public enum StatementSentiment
{
    Strength,
    Problem,
    Idea,
}

/// <summary>
/// What the interviewee agreed to, recorded per statement. Without consent a statement is only counted (by field,
/// goal and sentiment); its text is never shown to reviewers or printed in the report.
/// </summary>
public enum StatementConsent
{
    /// <summary>Counted only; the text stays with the interviewer.</summary>
    CountOnly,
    /// <summary>May be quoted without a name.</summary>
    QuoteAnonymously,
    /// <summary>May be quoted with the interviewee's name and office.</summary>
    QuoteWithName,
}

/// <summary>
/// One key statement from an interview, as the evaluation sees it: the text comes from the results store (an answer
/// with <see cref="AnswerChannel.Interview"/>), sentiment and consent from the notes table keyed by the answer key.
/// </summary>
public sealed record InterviewStatement
{
    public required string Id { get; init; }
    public required string InterviewId { get; init; }
    public required string PhaseId { get; init; }
    public required string FieldOfActionId { get; init; }
    /// <summary>Null when the statement is about the field as a whole.</summary>
    public string? GoalId { get; init; }
    public required string Text { get; init; }
    public required StatementSentiment Sentiment { get; init; }
    public required StatementConsent Consent { get; init; }
    /// <summary>"Name (Amt)" as agreed at the time; set only with <see cref="StatementConsent.QuoteWithName"/>.</summary>
    public string? NamedAs { get; init; }
}

/// <summary>An interview that has notes: the phase it belongs to and the interviewee's Dezernat (for participation only).</summary>
public sealed record NotedInterview(string InterviewId, string PhaseId, string? DivisionId);

/// <summary>The rules a statement keeps before it is stored, and how it maps onto an answer of the results store.</summary>
public static class InterviewStatementRules
{
    /// <summary>Interview statements share one poll id in the results store; the question id is the statement id.</summary>
    public const string PollId = "interview-notes";
    /// <summary>Goal id in the results store of a statement about a field as a whole (the store needs one).</summary>
    public const string NoGoalId = "_field";
    public const int MaxTextLength = AnswerValidator.MaxTextLength;

    public static IReadOnlyList<Problem> Problems(GoalCatalogue goals, string? fieldOfActionId, string? goalId, string? text)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem.Of("text", "notes.textMissing"));
        }
        else if (text.Trim().Length > MaxTextLength)
        {
            problems.Add(Problem.Of("text", "notes.textTooLong", MaxTextLength));
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            problems.Add(Problem.Of("text", "notes.textControl"));
        }
        var field = goals.FieldsOfAction.FirstOrDefault(f => f.Id == fieldOfActionId);
        if (field is null)
        {
            problems.Add(Problem.Of("fieldOfActionId", "notes.fieldUnknown", fieldOfActionId ?? ""));
        }
        else if (!string.IsNullOrEmpty(goalId) && field.Goals.All(g => g.Id != goalId))
        {
            // The field's title in both languages: the German text names {1}, the English one {2}.
            problems.Add(Problem.Of("goalId", "notes.goalNotInField", goalId, field.Title.De, field.Title.En));
        }
        return problems;
    }

    /// <summary>The phase of kind interviews whose dates (actual where set) contain the day; else the first one.</summary>
    public static Phase? PhaseFor(ProcessTemplate process, DateOnly? day)
    {
        var interviews = process.Phases.Where(p => p.Kind == PhaseKind.Interviews).ToList();
        if (day is { } d)
        {
            var containing = interviews.FirstOrDefault(p => (p.ActualStart ?? p.PlannedStart) <= d && d <= (p.ActualEnd ?? p.PlannedEnd));
            if (containing is not null)
            {
                return containing;
            }
        }
        return interviews.FirstOrDefault();
    }
}
