namespace Leitbild.Teams.Core.Results;

/// <summary>
/// The comments organizers hid. Hiding is one decision that every reader follows — poll results and cards, the results
/// page, the evaluation and report, the SharePoint summary, exports and raw answers — so it lives here and not in each
/// of them; only the organizers' moderation view shows hidden comments (with the reason).
/// </summary>
public sealed record HiddenComments(IReadOnlySet<string> Ids, CommentIds? Scheme)
{
    public static HiddenComments None { get; } = new(new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>Ids are keyed (<see cref="CommentIds"/>), so the set comes with the scheme that made them.</summary>
    public static HiddenComments ForAnswers(CommentIds scheme, IEnumerable<string> answerKeys) =>
        new(answerKeys.Select(scheme.Of).ToHashSet(StringComparer.Ordinal), scheme);

    public bool Hides(string answerKey) => Ids.Count > 0 && Scheme is not null && Ids.Contains(Scheme.Of(answerKey));

    /// <summary>
    /// The answer as readers may see it: a hidden comment keeps its row (it was given, so it still counts as an answer
    /// and its respondent as a respondent) but loses its text.
    /// </summary>
    public Answer Visible(Answer answer) =>
        answer.Value.Kind == AnswerKind.Text && answer.Value.Text is not null && Hides(answer.Key)
            ? answer with { Value = answer.Value with { Text = null } }
            : answer;

    public IReadOnlyList<Answer> Visible(IEnumerable<Answer> answers) => answers.Select(Visible).ToList();
}

/// <summary>Where organizers' decisions to hide comments are kept (the polls' moderation table).</summary>
public interface IHiddenComments
{
    /// <summary>Every comment currently hidden, over all polls.</summary>
    Task<HiddenComments> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>What every summary of answers obeys: the minimum group size and the organizers' hidden comments.</summary>
public sealed record SummaryRules(MinimumGroupSize Minimum, HiddenComments Hidden)
{
    /// <summary>The standard minimum and nothing hidden: for computations over answers that were never moderated (tests, samples).</summary>
    public static SummaryRules Standard { get; } = new(MinimumGroupSize.Standard, HiddenComments.None);
}

/// <summary>
/// The rules as they stand now: the configured minimum and the hidden comments read fresh, so a comment hidden a
/// moment ago is gone from the next read of any reader.
/// </summary>
public sealed class SummaryRulesSource(MinimumGroupSize minimum, IHiddenComments hidden)
{
    public MinimumGroupSize Minimum => minimum;

    public async Task<SummaryRules> CurrentAsync(CancellationToken cancellationToken) =>
        new(minimum, await hidden.ReadAsync(cancellationToken));
}

/// <summary>
/// Asks for stored per-goal views (SharePoint's summary list) to be recomputed soon, for a change that is no new answer
/// — a comment hidden or shown again. Best effort and idempotent: asking twice recomputes once.
/// </summary>
public interface ISummaryRefresh
{
    void Request(IReadOnlyCollection<string> goalIds);
}
