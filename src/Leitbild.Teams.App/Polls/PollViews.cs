using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls;

/// <summary>A poll in the tab's list.</summary>
public sealed record PollSummaryView(
    string Id,
    string Title,
    string PhaseId,
    PollStatus Status,
    AudienceKind AudienceKind,
    bool Anonymous,
    ResultsVisibility Visibility,
    int QuestionCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? Deadline)
{
    public static PollSummaryView Of(Poll poll, string language) => new(
        poll.Id, poll.Title.In(language), poll.PhaseId, poll.Status, poll.Audience.Kind, poll.Settings.Anonymous,
        poll.Settings.Visibility, poll.Questions.Count, poll.CreatedAt, poll.OpenedAt, poll.ClosedAt, poll.Settings.Deadline);
}

/// <summary>
/// Who a poll asks, as the tab shows it. Guests (external moderators) see how many people were asked, never their
/// object ids; everyone else gets the ids too.
/// </summary>
public sealed record PollAudienceView(AudienceKind Kind, int PersonCount, IReadOnlyList<string>? PersonIds, string? UnitId, string? UnitName, string? ConversationId);

/// <summary>One poll with its questions. <see cref="CreatedBy"/> is an object id, so guests never get it.</summary>
public sealed record PollView(
    string Id,
    string ProcessId,
    string PhaseId,
    LocalizedText Title,
    IReadOnlyList<Question> Questions,
    PollSettings Settings,
    PollAudienceView Audience,
    PollStatus Status,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt)
{
    public static PollView Of(Poll poll, TabUser user, Organisation organisation, string language) => new(
        poll.Id,
        poll.ProcessId,
        poll.PhaseId,
        poll.Title,
        poll.Questions,
        poll.Settings,
        new PollAudienceView(
            poll.Audience.Kind,
            poll.Audience.PersonIds.Count,
            user.IsGuest ? null : poll.Audience.PersonIds,
            poll.Audience.UnitId,
            UnitName(poll.Audience.UnitId, organisation, language),
            poll.Audience.ConversationId),
        poll.Status,
        user.IsGuest ? null : poll.CreatedBy,
        poll.CreatedAt,
        poll.OpenedAt,
        poll.ClosedAt);

    private static string? UnitName(string? unitId, Organisation organisation, string language)
    {
        if (unitId is null)
        {
            return null;
        }
        if (organisation.FindOffice(unitId) is { } office)
        {
            return $"{office.Code} {office.Name.In(language)}";
        }
        return organisation.Divisions.FirstOrDefault(d => d.Id == unitId)?.Name.In(language);
    }
}

/// <summary>The tally of a poll with the texts the page shows (prompts, goal and option labels in the asked language).</summary>
public sealed record PollResultsView(
    string PollId,
    string Title,
    PollStatus Status,
    ResultsVisibility Visibility,
    bool Anonymous,
    int RespondentCount,
    bool ShowsHiddenComments,
    IReadOnlyList<QuestionResultsView> Questions,
    int MinimumGroupSize);

public sealed record QuestionResultsView(
    string QuestionId,
    QuestionKind Kind,
    string Prompt,
    IReadOnlyList<GoalResultsView> Goals,
    IReadOnlyList<CommentView> Comments);

/// <summary>Count, mean and distribution (ratings 1–5) of one goal; choice counts by option label for choice questions.</summary>
public sealed record GoalResultsView(
    string GoalId,
    string GoalText,
    int AnswerCount,
    int RespondentCount,
    int RatingCount,
    int NoAnswerCount,
    double? MeanRating,
    IReadOnlyList<int> Distribution,
    double? MeanRank,
    IReadOnlyList<ChoiceCountView> Choices,
    IReadOnlyList<DepartmentResultsView> Departments,
    bool DepartmentsWithheld,
    bool TooFewRespondents);

/// <summary>One office's part of a goal; Core leaves out offices below the minimum group size.</summary>
public sealed record DepartmentResultsView(string DepartmentId, string Name, int RespondentCount, int RatingCount, double? MeanRating, IReadOnlyList<int> Distribution);

public sealed record ChoiceCountView(string OptionId, string Label, int Count);

public sealed record CommentView(string Id, string GoalId, string Text, DateTimeOffset AnsweredAt, bool Hidden, string? HiddenReason);

public static class PollResultsViews
{
    public static PollResultsView Of(Poll poll, PollResults results, GoalCatalogue? catalogue, Organisation organisation, bool showsHidden, string language)
    {
        var questions = poll.Questions.Select(question =>
        {
            var tally = results.Questions.FirstOrDefault(q => q.QuestionId == question.Id);
            var goals = (tally?.Goals ?? []).Select(g => Goal(question, g, catalogue, organisation, language)).ToList();
            var comments = (tally?.Comments ?? [])
                .Select(c => new CommentView(c.Id, c.GoalId, c.Text, c.AnsweredAt, c.Hidden, c.HiddenReason))
                .ToList();
            return new QuestionResultsView(question.Id, question.Kind, question.Prompt.In(language), goals, comments);
        }).ToList();
        return new PollResultsView(poll.Id, poll.Title.In(language), poll.Status, poll.Settings.Visibility, poll.Settings.Anonymous,
            results.RespondentCount, showsHidden, questions, results.MinimumGroupSize);
    }

    private static GoalResultsView Goal(Question question, GoalSummary summary, GoalCatalogue? catalogue, Organisation organisation, string language)
    {
        var choices = question.Options
            .Select(o => new ChoiceCountView(o.Id, o.Label.In(language), summary.ChoiceCounts.GetValueOrDefault(o.Id)))
            .ToList();
        return new GoalResultsView(
            summary.GoalId,
            catalogue?.FindGoal(summary.GoalId)?.Text.In(language) ?? summary.GoalId,
            summary.AnswerCount,
            summary.RespondentCount,
            summary.RatingCount,
            summary.NoAnswerCount,
            summary.MeanRating,
            summary.Distribution,
            summary.MeanRank,
            choices,
            summary.Departments.Select(d => new DepartmentResultsView(
                d.DepartmentId,
                organisation.FindOffice(d.DepartmentId) is { } office ? $"{office.Code} {office.Name.In(language)}" : d.DepartmentId,
                d.RespondentCount, d.RatingCount, d.MeanRating, d.Distribution)).ToList(),
            summary.DepartmentsWithheld,
            summary.TooFewRespondents);
    }
}
