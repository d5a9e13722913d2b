using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Polls;

/// <summary>The tally of one poll: per question, per goal (count, mean, distribution), and the comments.</summary>
public sealed record PollResults(string PollId, int RespondentCount, IReadOnlyList<QuestionResults> Questions, int MinimumGroupSize);

public sealed record QuestionResults(string QuestionId, QuestionKind Kind, IReadOnlyList<GoalSummary> Goals, IReadOnlyList<PollComment> Comments)
{
    /// <summary>True where people answered this question but fewer than the minimum group size for some goal of it.</summary>
    public bool TooFewRespondents => Goals.Any(g => g.TooFewRespondents);
}

/// <summary>
/// A free-text answer as results show it. <see cref="Id"/> is derived from the answer key by a keyed hash
/// (<see cref="CommentIds"/>), so an organizer can hide a comment without anyone learning who wrote it.
/// </summary>
public sealed record PollComment(string Id, string GoalId, string Text, DateTimeOffset AnsweredAt, bool Hidden, string? HiddenReason);

/// <summary>An organizer's decision to hide a comment from reviewers; the reason is kept.</summary>
public sealed record CommentModeration(string CommentId, bool Hidden, string Reason, string ModeratedBy, DateTimeOffset ModeratedAt);

public static class PollTally
{
    /// <summary>
    /// The poll's results under the summary rules: per question and goal nothing below the minimum group size, and
    /// hidden comments only when <paramref name="includeHidden"/> (the organizers' moderation view), with the reason
    /// from <paramref name="moderation"/>.
    /// </summary>
    public static PollResults Compute(Poll poll, IReadOnlyCollection<Answer> answers, IReadOnlyDictionary<string, CommentModeration> moderation,
        SummaryRules rules, bool includeHidden, CommentIds commentIds)
    {
        var ofPoll = answers.Where(a => a.PollId == poll.Id).ToList();
        var questions = poll.Questions.Select(question =>
        {
            var ofQuestion = ofPoll.Where(a => a.QuestionId == question.Id).ToList();
            var goals = question.GoalIds.Select(g => GoalSummaryCalculator.Compute(g, ofQuestion, rules) with { Comments = [] }).ToList();
            var shownGoals = goals.Where(g => rules.Minimum.Allows(g.RespondentCount)).Select(g => g.GoalId).ToHashSet(StringComparer.Ordinal);
            var comments = ofQuestion
                .Where(a => a.Value.Kind == AnswerKind.Text && !string.IsNullOrWhiteSpace(a.Value.Text) && shownGoals.Contains(a.GoalId))
                .OrderBy(a => a.AnsweredAt).ThenBy(a => a.Key, StringComparer.Ordinal)
                .Select(a =>
                {
                    var id = commentIds.Of(a.Key);
                    var hidden = rules.Hidden.Hides(a.Key);
                    return new PollComment(id, a.GoalId, a.Value.Text!.Trim(), a.AnsweredAt, hidden, hidden ? moderation.GetValueOrDefault(id)?.Reason : null);
                })
                .Where(c => includeHidden || !c.Hidden)
                .ToList();
            return new QuestionResults(question.Id, question.Kind, goals, comments);
        }).ToList();
        var respondents = ofPoll.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal).Count();
        return new PollResults(poll.Id, respondents, questions, rules.Minimum.Value);
    }
}
