using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>
/// The processes as the template seeded them and organizers edited them, with the goal catalogue as seeded: without
/// the workshops' changes. Everyone else reads <see cref="IProcessStore"/>, whose catalogue is the current one
/// (<see cref="CurrentGoalsProcessStore"/>); the goal history, the workshop pages and the report start from the seed.
/// </summary>
public interface ISeededProcessStore : IProcessStore;

/// <summary>The goal catalogue's history (workshop outcomes): only ever appended to, read in recording order.</summary>
public interface IGoalHistoryStore
{
    Task<IReadOnlyList<GoalChange>> ListAsync(string processId, CancellationToken cancellationToken);

    /// <summary>The same changes with who recorded them and whether they are sample data (seed-demo).</summary>
    Task<IReadOnlyList<RecordedGoalChange>> ListWithOriginAsync(string processId, CancellationToken cancellationToken);

    /// <summary>Appends one checked outcome; the store gives it its sequence.</summary>
    Task<GoalChange> AppendAsync(string processId, GoalOutcome outcome, string recordedBy, DateTimeOffset at, bool isSample, CancellationToken cancellationToken);
}

/// <summary>
/// What the results store has no column for, per interview statement, keyed by the answer key: sentiment, consent and
/// the name as agreed; and per interview its phase and the interviewee's Dezernat (for participation figures only).
/// </summary>
public interface IInterviewNotesStore
{
    /// <summary>Writes the interview row (once) and the statement's note together: both or neither.</summary>
    Task SaveAsync(NotedInterview interview, StatementNote note, CancellationToken cancellationToken);

    /// <summary>Marks a statement withdrawn (it leaves the evaluation); false when it does not exist or already was.</summary>
    Task<bool> WithdrawAsync(string statementId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Notes of one interview, or of all interviews when <paramref name="interviewId"/> is null; oldest first.</summary>
    Task<IReadOnlyList<StatementNote>> ListAsync(string? interviewId, bool includeWithdrawn, CancellationToken cancellationToken);

    /// <summary>Interviews that have at least one statement that was not withdrawn.</summary>
    Task<IReadOnlyList<(NotedInterview Interview, bool IsSample)>> ListInterviewsAsync(CancellationToken cancellationToken);
}

public sealed record RecordedGoalChange(GoalChange Change, string RecordedBy, bool IsSample);

// One statement's side row. The text is not here: it is the answer's, in the results store.
public sealed record StatementNote
{
    public required string AnswerKey { get; init; }
    public required string StatementId { get; init; }
    public required string InterviewId { get; init; }
    public required string FieldOfActionId { get; init; }
    public string? GoalId { get; init; }
    public required StatementSentiment Sentiment { get; init; }
    public required StatementConsent Consent { get; init; }
    public string? NamedAs { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public bool IsSample { get; init; }
}
