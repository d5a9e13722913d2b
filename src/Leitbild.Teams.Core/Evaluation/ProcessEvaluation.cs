using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>Everything the evaluation reads. The caller collects it from the stores; the calculator does no I/O.</summary>
public sealed record EvaluationInput
{
    public required ProcessTemplate Process { get; init; }
    /// <summary>The catalogue as seeded, before any workshop changed it.</summary>
    public required GoalCatalogue SeedGoals { get; init; }
    public required IReadOnlyList<GoalChange> Changes { get; init; }
    public required Organisation Organisation { get; init; }
    /// <summary>Every stored answer (polls of any channel and interview statements).</summary>
    public required IReadOnlyList<Answer> Answers { get; init; }
    public required IReadOnlyList<InterviewStatement> Statements { get; init; }
    public required IReadOnlyList<NotedInterview> Interviews { get; init; }
    /// <summary>The minimum group size and the hidden comments every summary of the evaluation obeys.</summary>
    public required SummaryRules Rules { get; init; }
    /// <summary>True when any of the data was made by the seed-demo verb (the report then says so on its title page).</summary>
    public bool ContainsSampleData { get; init; }
}

/// <summary>The evaluation of a whole process: the report and the tab's Ergebnisse page show this.</summary>
public sealed record ProcessEvaluation
{
    public required ProcessTemplate Process { get; init; }
    /// <summary>The latest moment found in the data (answers, decisions, actual phase dates): the report's "Stand".</summary>
    public required DateTimeOffset AsOf { get; init; }
    public required bool ContainsSampleData { get; init; }
    /// <summary>The minimum group size every figure of the evaluation obeyed (the report's methods name it).</summary>
    public required int MinimumGroupSize { get; init; }
    public required IReadOnlyList<PhaseEvaluation> Phases { get; init; }
    public required IReadOnlyList<FieldEvaluation> Fields { get; init; }
    public WorkshopComparison? Comparison { get; init; }
    /// <summary>The goal history in the order it applies (process order, then recording order).</summary>
    public required IReadOnlyList<GoalChange> Changes { get; init; }
    public required int TotalAnswers { get; init; }
    public required int TotalParticipations { get; init; }
    public required int TotalInterviews { get; init; }
    public required int TotalStatements { get; init; }

    public IEnumerable<GoalEvaluation> AllGoals => Fields.SelectMany(f => f.Goals);
}

/// <summary>A phase with the dates as they happened (actual where set, else planned) and who took part.</summary>
public sealed record PhaseEvaluation
{
    public required Phase Phase { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required bool StartIsActual { get; init; }
    public required bool EndIsActual { get; init; }
    public required PhaseParticipation Participation { get; init; }
}

/// <summary>
/// Participation in a phase. <see cref="Participations"/> counts each respondent once per poll (anonymous polls give
/// the same person a different key in each poll, so people cannot be counted across polls) plus each interview.
/// By Dezernat: people (the largest source's distinct respondents per Dezernat), only under the 5-person rule.
/// </summary>
public sealed record PhaseParticipation
{
    public required int Polls { get; init; }
    public required int Answers { get; init; }
    public required int Participations { get; init; }
    /// <summary>People at least: the largest number of distinct respondents in one poll (or the interviews) of the phase.</summary>
    public required int People { get; init; }
    public required int Interviews { get; init; }
    public required int Statements { get; init; }
    public required IReadOnlyList<GroupCount> Divisions { get; init; }
    public required bool DivisionsWithheld { get; init; }
}

public sealed record FieldEvaluation
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public required IReadOnlyList<GoalEvaluation> Goals { get; init; }
    /// <summary>Statements about the field as a whole (no goal named).</summary>
    public required StatementSummary FieldStatements { get; init; }
}

public sealed record GoalEvaluation
{
    public required string GoalId { get; init; }
    public required string FieldOfActionId { get; init; }
    public required LocalizedText SeedText { get; init; }
    public required LocalizedText FinalText { get; init; }
    public required GoalState State { get; init; }
    public string? MergedInto { get; init; }
    public GoalPriority? Priority { get; init; }
    /// <summary>
    /// Poll answers only (interview statements are counted in <see cref="Statements"/>). Its breakdown by office is
    /// that of the goal's most recent poll (<see cref="DepartmentsPollId"/>), where the 5-person rule counts people.
    /// </summary>
    public required GoalSummary Polls { get; init; }
    public string? DepartmentsPollId { get; init; }
    public required Agreement Agreement { get; init; }
    public required StatementSummary Statements { get; init; }
    /// <summary>The last decision of each workshop about this goal, in process order.</summary>
    public required IReadOnlyList<GoalChange> Decisions { get; init; }
}

/// <summary>A statement that may be quoted; <see cref="NamedAs"/> only where the interviewee agreed to be named.</summary>
public sealed record Quote(string Text, StatementSentiment Sentiment, string? NamedAs);

public sealed record StatementSummary(int Strengths, int Problems, int Ideas, IReadOnlyList<Quote> Quotes)
{
    public int Total => Strengths + Problems + Ideas;

    public static StatementSummary Empty { get; } = new(0, 0, 0, []);
}

/// <summary>What changed between the first and the second workshop of the process: one row per goal that changed.</summary>
public sealed record WorkshopComparison(Phase First, Phase Second, IReadOnlyList<ComparisonRow> Rows);

public sealed record ComparisonRow
{
    public required string GoalId { get; init; }
    public required string FieldOfActionId { get; init; }
    public required GoalStanding AfterFirst { get; init; }
    public required GoalStanding AfterSecond { get; init; }
    /// <summary>Agreement in the polls run during each workshop (answers with that phase).</summary>
    public required Agreement AgreementFirst { get; init; }
    public required Agreement AgreementSecond { get; init; }
}
