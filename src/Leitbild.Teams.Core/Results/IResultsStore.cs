namespace Leitbild.Teams.Core.Results;

/// <summary>
/// Where answers are kept for good: a SharePoint list in Microsoft 365 mode, a SQLite table locally.
/// Writes are idempotent by <see cref="Answer.Key"/>: writing the same answer twice leaves one record.
/// </summary>
public interface IResultsStore
{
    /// <summary>Creates or replaces one answer by its key.</summary>
    Task<AnswerWriteResult> UpsertAsync(Answer answer, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or replaces many answers; each gets its own result (stored, retry later, rejected for good).
    /// Results come back in the order of <paramref name="writes"/>.
    /// </summary>
    Task<IReadOnlyList<AnswerWriteResult>> UpsertManyAsync(IReadOnlyList<AnswerWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// One page of answers. A page may hold fewer than <see cref="AnswerQuery.PageSize"/> answers while more follow;
    /// read until <see cref="AnswerPage.ContinuationToken"/> is null.
    /// </summary>
    Task<AnswerPage> ReadAnswersAsync(AnswerQuery query, CancellationToken cancellationToken);

    /// <summary>The per-goal summary over every stored answer to that goal.</summary>
    Task<GoalSummary> ReadGoalSummaryAsync(string goalId, CancellationToken cancellationToken);

    /// <summary>
    /// The summaries of many goals at once (the results page), in the order asked, each equal to what
    /// <see cref="ReadGoalSummaryAsync"/> gives for that goal. A store reads them in as few requests as it can.
    /// </summary>
    Task<IReadOnlyList<GoalSummary>> ReadGoalSummariesAsync(IReadOnlyList<string> goalIds, CancellationToken cancellationToken);

    /// <summary>
    /// Brings a stored per-goal view up to date after writes (SharePoint keeps one for department heads).
    /// A store that computes summaries when read has nothing to do here.
    /// </summary>
    Task RefreshSummariesAsync(IReadOnlyCollection<string> goalIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes stored answers of named polls (Art. 17 erasure, retention): those of one person when
    /// <paramref name="respondentKey"/> is an Entra object id (any case), all of them when it is null. Answers of
    /// anonymous polls (<see cref="RespondentKeys.AnonymousPrefix"/>) are never touched. The affected goal summaries
    /// follow. Returns how many answers this call deleted; a repeated call deletes nothing more and returns 0.
    /// </summary>
    Task<int> DeleteNamedAnswersAsync(string? respondentKey, CancellationToken cancellationToken);
}

/// <summary>
/// One answer to write. <paramref name="MayExist"/> is false only when no earlier attempt to store this key was ever made:
/// then a store may create without looking first, which saves a read per answer.
/// </summary>
public sealed record AnswerWrite(Answer Answer, bool MayExist);

public enum AnswerWriteStatus
{
    Stored,
    /// <summary>Throttled or temporarily failing: try again, not before <see cref="AnswerWriteResult.RetryAfter"/>.</summary>
    RetryLater,
    /// <summary>The store refuses this answer for good (e.g. 400); it must be parked, never retried blindly.</summary>
    Rejected,
}

public sealed record AnswerWriteResult(string Key, AnswerWriteStatus Status, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static AnswerWriteResult Stored(string key) => new(key, AnswerWriteStatus.Stored);
}

/// <summary>Filter for reading answers; at least one of poll, goal and department is given.</summary>
public sealed record AnswerQuery
{
    public const int MaxPageSize = 500;

    public string? PollId { get; init; }
    public string? GoalId { get; init; }
    public string? DepartmentId { get; init; }
    public int PageSize { get; init; } = 100;
    /// <summary>Opaque token from the previous page; null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    public bool Matches(Answer answer) =>
        (PollId is null || answer.PollId == PollId)
        && (GoalId is null || answer.GoalId == GoalId)
        && (DepartmentId is null || answer.DepartmentId == DepartmentId);

    public void ThrowIfInvalid()
    {
        if (PollId is null && GoalId is null && DepartmentId is null)
        {
            throw new ArgumentException("Umfrage, Ziel oder Amt angeben / give a poll, goal or department.");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentException($"Seitengröße 1–{MaxPageSize} / page size 1–{MaxPageSize}.");
        }
    }
}

public sealed record AnswerPage(IReadOnlyList<Answer> Answers, string? ContinuationToken);
