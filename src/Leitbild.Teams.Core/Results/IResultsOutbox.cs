namespace Leitbild.Teams.Core.Results;

/// <summary>
/// The durable queue between "the person answered" and the results store. An answer is committed here before the
/// person is told it was saved; a worker delivers it later. Keyed by <see cref="Answer.Key"/>: the same answer
/// enqueued twice changes nothing, a changed answer replaces the pending one.
/// </summary>
public interface IResultsOutbox
{
    /// <summary>Validates and commits the answer; throws <see cref="AnswerValidationException"/> with nothing stored.</summary>
    Task<OutboxEnqueueResult> EnqueueAsync(Answer answer, CancellationToken cancellationToken);

    /// <summary>
    /// Validates and commits several answers (one card page) in one transaction: all or nothing.
    /// <see cref="OutboxEnqueueResult.Unchanged"/> only when every answer was already enqueued as it is.
    /// </summary>
    Task<OutboxEnqueueResult> EnqueueManyAsync(IReadOnlyList<Answer> answers, CancellationToken cancellationToken);

    /// <summary>Answers the store refused for good, with the reason, for organizers to look at.</summary>
    Task<IReadOnlyList<ParkedAnswer>> ListParkedAsync(CancellationToken cancellationToken);

    Task<OutboxCounts> CountAsync(CancellationToken cancellationToken);
}

public enum OutboxEnqueueResult
{
    /// <summary>New or changed: it will be delivered.</summary>
    Accepted,
    /// <summary>The same answer was already enqueued: nothing changed (e.g. Teams retried the invoke).</summary>
    Unchanged,
}

/// <summary>A parked answer as organizers see it: where it belongs and why it was refused, not who gave it.</summary>
public sealed record ParkedAnswer(long Id, string PollId, string QuestionId, string GoalId, string Reason, int Attempts, DateTimeOffset ParkedAt);

public sealed record OutboxCounts(int Pending, int Parked);
