using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>
/// Brings poll results, interview statements and workshop decisions together per goal and field of action, with
/// participation per phase and Dezernat and the changes between workshop 1 and 2. Plain computation: same input,
/// same output.
/// </summary>
public static class EvaluationCalculator
{
    /// <summary>A shift in the share of 4–5 ratings between the workshops at least this large counts as a change.</summary>
    public const double AgreementShift = 0.10;

    public static ProcessEvaluation Evaluate(EvaluationInput input)
    {
        var process = input.Process;
        var changes = GoalHistory.InProcessOrder(process, input.Changes);
        var standings = GoalHistory.Standings(input.SeedGoals, process, changes).ToDictionary(s => s.GoalId, StringComparer.Ordinal);
        // Interview statements are answers too (channel Interview); they are counted as statements, never as poll results.
        var pollAnswers = input.Answers.Where(a => a.Channel != AnswerChannel.Interview).ToList();
        var byGoal = pollAnswers.ToLookup(a => a.GoalId, StringComparer.Ordinal);
        var statementsByGoal = input.Statements.Where(s => s.GoalId is not null).ToLookup(s => s.GoalId!, StringComparer.Ordinal);
        var fieldStatements = input.Statements.Where(s => s.GoalId is null).ToLookup(s => s.FieldOfActionId, StringComparer.Ordinal);
        var changesByGoal = changes.ToLookup(c => c.GoalId, StringComparer.Ordinal);

        var fields = input.SeedGoals.FieldsOfAction.Select(field => new FieldEvaluation
        {
            Id = field.Id,
            Title = field.Title,
            FieldStatements = Summarise(fieldStatements[field.Id]),
            Goals = field.Goals.Select(goal =>
            {
                var standing = standings[goal.Id];
                var (polls, departmentsPoll) = PollSummary(goal.Id, byGoal[goal.Id].ToList(), input.Process, input.Rules);
                return new GoalEvaluation
                {
                    GoalId = goal.Id,
                    FieldOfActionId = field.Id,
                    SeedText = goal.Text,
                    FinalText = standing.Text,
                    State = standing.State,
                    MergedInto = standing.MergedInto,
                    Priority = standing.Priority,
                    Polls = polls,
                    DepartmentsPollId = departmentsPoll,
                    Agreement = Agreement.From(polls.Distribution),
                    Statements = Summarise(statementsByGoal[goal.Id]),
                    Decisions = changesByGoal[goal.Id].GroupBy(c => c.PhaseId, StringComparer.Ordinal).Select(g => g.Last()).ToList(),
                };
            }).ToList(),
        }).ToList();

        return new ProcessEvaluation
        {
            Process = process,
            AsOf = AsOf(input),
            ContainsSampleData = input.ContainsSampleData,
            MinimumGroupSize = input.Rules.Minimum.Value,
            Phases = process.Phases.Select(p => PhaseOf(p, pollAnswers, input)).ToList(),
            Fields = fields,
            Comparison = Compare(input, changes, pollAnswers),
            Changes = changes,
            TotalAnswers = pollAnswers.Count,
            TotalParticipations = pollAnswers.Select(a => (a.PollId, a.RespondentKey)).Distinct().Count() + input.Interviews.Count,
            TotalInterviews = input.Interviews.Count,
            TotalStatements = input.Statements.Count,
        };
    }

    private static PhaseEvaluation PhaseOf(Phase phase, List<Answer> pollAnswers, EvaluationInput input)
    {
        var answers = pollAnswers.Where(a => a.PhaseId == phase.Id).ToList();
        var interviews = input.Interviews.Where(i => i.PhaseId == phase.Id).ToList();
        var participations = answers.Select(a => (a.PollId, a.RespondentKey)).Distinct().Count() + interviews.Count;
        // People by Dezernat: anonymous keys differ between polls, so one person may hold a key in each poll. Per
        // source (each poll, and the interviews) people are distinct; the larger of the sources is a count of people
        // that is never too high, and the 5-person rule is applied to it.
        var sources = answers.GroupBy(a => a.PollId, StringComparer.Ordinal)
            .Select(poll => poll.GroupBy(a => a.RespondentKey, StringComparer.Ordinal)
                .Select(person => DivisionOf(input.Organisation, person.Select(a => a.DepartmentId).FirstOrDefault(d => d is not null))).ToList())
            .Append(interviews.Select(i => i.DivisionId).ToList())
            .ToList();
        var byDivision = sources.SelectMany(source => source.Where(d => d is not null).GroupBy(d => d!, StringComparer.Ordinal).Select(g => (Division: g.Key, People: g.Count())))
            .GroupBy(x => x.Division, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(x => x.People), StringComparer.Ordinal);
        var people = sources.Max(source => source.Count);
        var (shown, withheld) = SmallGroups.Apply(byDivision, people, input.Rules.Minimum);
        return new PhaseEvaluation
        {
            Phase = phase,
            Start = phase.ActualStart ?? phase.PlannedStart,
            End = phase.ActualEnd ?? phase.PlannedEnd,
            StartIsActual = phase.ActualStart is not null,
            EndIsActual = phase.ActualEnd is not null,
            Participation = new PhaseParticipation
            {
                Polls = answers.Select(a => a.PollId).Distinct(StringComparer.Ordinal).Count(),
                Answers = answers.Count,
                Participations = participations,
                People = people,
                Interviews = interviews.Count,
                Statements = input.Statements.Count(s => s.PhaseId == phase.Id),
                Divisions = shown,
                DivisionsWithheld = withheld,
            },
        };
    }

    /// <summary>
    /// The goal's summary over all its poll answers, but with the breakdown by office from its most recent poll only:
    /// within one poll each person has one key, so the 5-person rule counts people; across anonymous polls it would
    /// count one person once per poll.
    /// </summary>
    private static (GoalSummary Summary, string? DepartmentsPollId) PollSummary(string goalId, List<Answer> answers, ProcessTemplate process, SummaryRules rules)
    {
        var all = GoalSummaryCalculator.Compute(goalId, answers, rules);
        if (answers.Count == 0)
        {
            return (all, null);
        }
        var position = process.Phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var latest = answers.GroupBy(a => a.PollId, StringComparer.Ordinal)
            .OrderBy(g => g.Max(a => position.GetValueOrDefault(a.PhaseId, -1))).ThenBy(g => g.Max(a => a.AnsweredAt)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Last();
        var single = GoalSummaryCalculator.Compute(goalId, latest, rules);
        return (all with { Departments = single.Departments, DepartmentsWithheld = single.DepartmentsWithheld }, latest.Key);
    }

    private static string? DivisionOf(Organisation organisation, string? officeId) =>
        officeId is null ? null : organisation.DivisionOf(officeId)?.Id;

    private static StatementSummary Summarise(IEnumerable<InterviewStatement> statements)
    {
        var list = statements.ToList();
        if (list.Count == 0)
        {
            return StatementSummary.Empty;
        }
        return new StatementSummary(
            list.Count(s => s.Sentiment == StatementSentiment.Strength),
            list.Count(s => s.Sentiment == StatementSentiment.Problem),
            list.Count(s => s.Sentiment == StatementSentiment.Idea),
            list.Where(s => s.Consent != StatementConsent.CountOnly)
                .OrderBy(s => s.Sentiment).ThenBy(s => s.Text, StringComparer.Ordinal)
                .Select(s => new Quote(s.Text.Trim(), s.Sentiment, s.Consent == StatementConsent.QuoteWithName ? s.NamedAs : null))
                .ToList());
    }

    /// <summary>The first two workshops of the process: every goal whose standing or agreement moved between them.</summary>
    private static WorkshopComparison? Compare(EvaluationInput input, IReadOnlyList<GoalChange> changes, List<Answer> pollAnswers)
    {
        var workshops = input.Process.Phases.Where(p => p.Kind == PhaseKind.Workshop).Take(2).ToList();
        if (workshops.Count < 2)
        {
            return null;
        }
        var (first, second) = (workshops[0], workshops[1]);
        var position = input.Process.Phases.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        IReadOnlyList<GoalChange> Until(Phase phase) => changes.Where(c => position.GetValueOrDefault(c.PhaseId, int.MaxValue) <= position[phase.Id]).ToList();
        var afterFirst = GoalHistory.Standings(input.SeedGoals, input.Process, Until(first));
        var afterSecond = GoalHistory.Standings(input.SeedGoals, input.Process, Until(second)).ToDictionary(s => s.GoalId, StringComparer.Ordinal);
        var firstAnswers = pollAnswers.Where(a => a.PhaseId == first.Id).ToList();
        var secondAnswers = pollAnswers.Where(a => a.PhaseId == second.Id).ToList();
        var rows = new List<ComparisonRow>();
        foreach (var before in afterFirst)
        {
            var after = afterSecond[before.GoalId];
            var agreementFirst = Agreement.From(GoalSummaryCalculator.Compute(before.GoalId, firstAnswers, input.Rules).Distribution);
            var agreementSecond = Agreement.From(GoalSummaryCalculator.Compute(before.GoalId, secondAnswers, input.Rules).Distribution);
            var standingChanged = before.State != after.State || before.Text != after.Text || before.Priority != after.Priority;
            var agreementMoved = agreementFirst.Level != AgreementLevel.TooFewRatings && agreementSecond.Level != AgreementLevel.TooFewRatings
                && (agreementFirst.Level != agreementSecond.Level || Math.Abs(agreementFirst.AgreeShare!.Value - agreementSecond.AgreeShare!.Value) >= AgreementShift);
            if (standingChanged || agreementMoved)
            {
                rows.Add(new ComparisonRow
                {
                    GoalId = before.GoalId,
                    FieldOfActionId = before.FieldOfActionId,
                    AfterFirst = before,
                    AfterSecond = after,
                    AgreementFirst = agreementFirst,
                    AgreementSecond = agreementSecond,
                });
            }
        }
        return new WorkshopComparison(first, second, rows);
    }

    private static DateTimeOffset AsOf(EvaluationInput input)
    {
        var moments = input.Answers.Select(a => a.AnsweredAt)
            .Concat(input.Changes.Select(c => c.RecordedAt))
            .Concat(input.Process.Phases.SelectMany(p => new[] { p.ActualStart, p.ActualEnd }).OfType<DateOnly>()
                .Select(d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
            .ToList();
        return moments.Count > 0
            ? moments.Max().ToUniversalTime()
            : new DateTimeOffset(input.Process.Phases.Min(p => p.PlannedStart).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
