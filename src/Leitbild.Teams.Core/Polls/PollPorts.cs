namespace Leitbild.Teams.Core.Polls;

/// <summary>The key a person's answers are stored under: the object id for named polls, a keyed hash for anonymous ones.</summary>
public interface IRespondentKeySource
{
    Task<string> ForAsync(bool anonymousPoll, string tenantId, string personId, string pollId, CancellationToken cancellationToken);

    /// <summary>Comment ids keyed with the same secret (see <see cref="Results.CommentIds"/>).</summary>
    Task<Results.CommentIds> CommentIdsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A person's own current answers to a poll, to show them "your answer: …" on their card. Kept by respondent key,
/// which for anonymous polls is the same keyed hash the results hold, so it adds no link to the person.
/// </summary>
public interface IPollAnswerView
{
    Task SaveAsync(IReadOnlyList<Results.Answer> answers, CancellationToken cancellationToken);

    Task<IReadOnlyList<Results.Answer>> ForRespondentAsync(string pollId, string respondentKey, CancellationToken cancellationToken);

    /// <summary>Every current answer of a poll, for the tally.</summary>
    Task<IReadOnlyList<Results.Answer>> ForPollAsync(string pollId, CancellationToken cancellationToken);
}
