namespace Leitbild.Teams.Core.Results;

/// <summary>Where an answer was given.</summary>
public enum AnswerChannel
{
    Chat,
    Workshop,
    Interview,
}

/// <summary>
/// One person's answer (Rückmeldung) to one question of a poll about one goal (a rating question covers several goals,
/// one answer each). The store keeps one record per <see cref="Key"/>:
/// a person who answers the same question again replaces the earlier answer.
/// </summary>
public sealed record Answer
{
    public required string PollId { get; init; }
    public required string QuestionId { get; init; }
    public required string GoalId { get; init; }
    public required string FieldOfActionId { get; init; }
    public required AnswerValue Value { get; init; }
    /// <summary>The respondent's office (Amt), or null where it is unknown or must not be recorded.</summary>
    public string? DepartmentId { get; init; }
    /// <summary>Entra object id for named polls, a keyed hash for anonymous ones (see <see cref="RespondentKeys"/>).</summary>
    public required string RespondentKey { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
    public required string PhaseId { get; init; }
    public required AnswerChannel Channel { get; init; }
    public required string AppVersion { get; init; }

    /// <summary>The idempotency key: one answer per poll, question, goal and respondent.</summary>
    public string Key => AnswerKey.For(PollId, QuestionId, GoalId, RespondentKey);

    /// <summary>
    /// The form every store keeps, so an answer reads back exactly as it was written, whichever store holds it:
    /// answered-at in UTC whole seconds (SharePoint's dateTime columns hold no more) for named answers, and only the
    /// UTC day for anonymous ones - a time to the second could be lined up with anything else that has a time and a
    /// name (a sign-in, a message, a log line).
    /// </summary>
    public Answer Normalized()
    {
        var ticks = Coarsened(AnsweredAt).UtcTicks;
        return this with { AnsweredAt = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) };
    }

    /// <summary>
    /// Any instant a store writes beside this answer (answered, stored, enqueued): only the UTC day for an anonymous
    /// answer, unchanged for a named one.
    /// </summary>
    public DateTimeOffset Coarsened(DateTimeOffset instant) =>
        RespondentKeys.IsAnonymous(RespondentKey)
            ? new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero)
            : instant;
}

public static class AnswerKey
{
    /// <summary>Ids are validated to exclude ':', so the key splits back unambiguously.</summary>
    public static string For(string pollId, string questionId, string goalId, string respondentKey) => $"{pollId}:{questionId}:{goalId}:{respondentKey}";
}
