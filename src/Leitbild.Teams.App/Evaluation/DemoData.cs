using System.Security.Cryptography;
using System.Text;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>
/// A made-up, clearly marked data set for local mode, so the tab and the report can be looked at before a real
/// process has data: two workshop polls, interview notes and workshop outcomes for the Bergkamen template.
/// Generated deterministically from hashes (same template, same data), marked with app version "demo", poll ids
/// starting "demo-" and is_sample flags; written only by the seed-demo verb, never at start.
/// </summary>
public static class DemoData
{
    public const string AppVersion = EvaluationService.SampleAppVersion;
    public const string PollPrefix = "demo-";

    public sealed record Set(
        IReadOnlyList<Answer> Answers,
        IReadOnlyList<(NotedInterview Interview, StatementNote Note)> Notes,
        IReadOnlyList<(GoalOutcome Outcome, DateTimeOffset At)> Outcomes);

    // Shares of ratings 1..5; goals cycle through these so that the report shows each kind of result.
    private static readonly double[][] Profiles =
    [
        [0.02, 0.03, 0.10, 0.40, 0.45], // broad agreement
        [0.05, 0.10, 0.25, 0.35, 0.25], // agreement
        [0.25, 0.15, 0.10, 0.20, 0.30], // contested
        [0.10, 0.15, 0.45, 0.20, 0.10], // mixed
        [0.30, 0.30, 0.20, 0.15, 0.05], // rejection
    ];

    private static readonly int[] ProfileOfGoal = [0, 1, 2, 0, 3, 1, 0, 2, 1, 0, 4, 1, 0, 1, 3, 0, 2, 1, 0, 1, 3, 0, 1, 2];

    // Made-up statements, German as the interviews were held; the texts are the texts files' evaluation.demo.* keys.
    private static readonly (string Field, StatementSentiment Sentiment, string TextKey)[] Statements =
    [
        ("klima", StatementSentiment.Problem, "evaluation.demo.statement01"),
        ("klima", StatementSentiment.Idea, "evaluation.demo.statement02"),
        ("demografie", StatementSentiment.Strength, "evaluation.demo.statement03"),
        ("demografie", StatementSentiment.Problem, "evaluation.demo.statement04"),
        ("wohnen", StatementSentiment.Problem, "evaluation.demo.statement05"),
        ("wohnen", StatementSentiment.Idea, "evaluation.demo.statement06"),
        ("mobilitaet", StatementSentiment.Strength, "evaluation.demo.statement07"),
        ("mobilitaet", StatementSentiment.Problem, "evaluation.demo.statement08"),
        ("wirtschaft", StatementSentiment.Strength, "evaluation.demo.statement09"),
        ("wirtschaft", StatementSentiment.Idea, "evaluation.demo.statement10"),
        ("innenstadt", StatementSentiment.Problem, "evaluation.demo.statement11"),
        ("innenstadt", StatementSentiment.Idea, "evaluation.demo.statement12"),
        ("bildung", StatementSentiment.Strength, "evaluation.demo.statement13"),
        ("bildung", StatementSentiment.Problem, "evaluation.demo.statement14"),
        ("verwaltung", StatementSentiment.Idea, "evaluation.demo.statement15"),
        ("verwaltung", StatementSentiment.Problem, "evaluation.demo.statement16"),
    ];

    public static Set Build(ProcessTemplate process, GoalCatalogue seed, Organisation organisation)
    {
        var people = organisation.People.Where(p => p.OfficeId is not null && !p.IsGuest).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var workshops = process.Phases.Where(p => p.Kind == PhaseKind.Workshop).Take(2).ToList();
        var interviewPhase = process.Phases.FirstOrDefault(p => p.Kind == PhaseKind.Interviews);
        var goals = seed.AllGoals.ToList();
        var answers = new List<Answer>();
        var outcomes = new List<(GoalOutcome, DateTimeOffset)>();

        if (workshops.Count > 0)
        {
            var first = workshops[0];
            answers.AddRange(Poll(PollPrefix + first.Id, first, goals, seed, people.Take(45).ToList(), shift: 0));
            outcomes.AddRange(FirstWorkshopOutcomes(first, goals).Select(o => (o, At(first.ActualEnd ?? first.PlannedEnd, 16))));
        }
        if (workshops.Count > 1)
        {
            var second = workshops[1];
            var dropped = outcomes.Where(o => o.Item1.Kind is GoalOutcomeKind.Merged or GoalOutcomeKind.Dropped).Select(o => o.Item1.GoalId).ToHashSet(StringComparer.Ordinal);
            answers.AddRange(Poll(PollPrefix + second.Id, second, goals.Where(g => !dropped.Contains(g.Id)).ToList(), seed, people.Skip(6).Take(38).ToList(), shift: 1));
            outcomes.AddRange(SecondWorkshopOutcomes(second, goals).Select(o => (o, At(second.ActualEnd ?? second.PlannedEnd, 16))));
        }

        var notes = new List<(NotedInterview, StatementNote)>();
        if (interviewPhase is not null)
        {
            var start = interviewPhase.ActualStart ?? interviewPhase.PlannedStart;
            for (var i = 0; i < 12; i++)
            {
                var interviewee = people[(i * 4 + 1) % people.Count];
                var office = organisation.FindOffice(interviewee.OfficeId!)!;
                var interview = new NotedInterview($"demo-interview-{i + 1:00}", interviewPhase.Id, organisation.DivisionOf(office.Id)?.Id);
                for (var s = 0; s < 3; s++)
                {
                    var (field, sentiment, textKey) = Statements[(i * 3 + s) % Statements.Length];
                    var consent = (StatementConsent)((i + s) % 3);
                    var goal = (i + s) % 4 == 0 ? null : seed.FieldsOfAction.First(f => f.Id == field).Goals[(i + s) % 3].Id;
                    var statementId = $"demo-s{i + 1:00}-{s + 1}";
                    var answer = new Answer
                    {
                        PollId = InterviewStatementRules.PollId,
                        QuestionId = statementId,
                        GoalId = goal ?? InterviewStatementRules.NoGoalId,
                        FieldOfActionId = field,
                        Value = AnswerValue.OfText(Texts.Get(textKey, "de")),
                        RespondentKey = Key("interview", interviewee.Id),
                        AnsweredAt = At(start.AddDays(i * 3), 10 + s),
                        PhaseId = interviewPhase.Id,
                        Channel = AnswerChannel.Interview,
                        AppVersion = AppVersion,
                    };
                    answers.Add(answer);
                    notes.Add((interview, new StatementNote
                    {
                        AnswerKey = answer.Key,
                        StatementId = statementId,
                        InterviewId = interview.InterviewId,
                        FieldOfActionId = field,
                        GoalId = goal,
                        Sentiment = sentiment,
                        Consent = consent,
                        NamedAs = consent == StatementConsent.QuoteWithName ? $"{interviewee.DisplayName} ({office.Code})" : null,
                        RecordedBy = "demo",
                        RecordedAt = answer.AnsweredAt,
                        IsSample = true,
                    }));
                }
            }
        }
        return new Set(answers, notes, outcomes);
    }

    private static IEnumerable<Answer> Poll(string pollId, Phase phase, IReadOnlyList<Goal> goals, GoalCatalogue seed, IReadOnlyList<Person> people, int shift)
    {
        var day = phase.ActualStart ?? phase.PlannedStart;
        for (var p = 0; p < people.Count; p++)
        {
            var person = people[p];
            var key = Key(pollId, person.Id);
            foreach (var goal in goals)
            {
                var index = seed.AllGoals.ToList().FindIndex(g => g.Id == goal.Id);
                // Workshop 2 discussed reworded goals again: their ratings lean one profile towards agreement.
                var profile = Profiles[Math.Max(0, ProfileOfGoal[index % ProfileOfGoal.Length] - shift * (index % 2))];
                yield return new Answer
                {
                    PollId = pollId,
                    QuestionId = "q-" + goal.Id,
                    GoalId = goal.Id,
                    FieldOfActionId = seed.FieldOf(goal.Id)!.Id,
                    Value = AnswerValue.OfRating(Draw(profile, Unit($"{pollId}|{goal.Id}|{person.Id}"))),
                    DepartmentId = person.OfficeId,
                    RespondentKey = key,
                    AnsweredAt = At(day, 10).AddMinutes(p),
                    PhaseId = phase.Id,
                    Channel = AnswerChannel.Workshop,
                    AppVersion = AppVersion,
                };
            }
        }
    }

    private static IEnumerable<GoalOutcome> FirstWorkshopOutcomes(Phase workshop, IReadOnlyList<Goal> goals)
    {
        var poll = PollPrefix + workshop.Id;
        foreach (var (goal, i) in goals.Select((g, i) => (g, i)))
        {
            yield return goal.Id switch
            {
                "klima-1" => new GoalOutcome { GoalId = goal.Id, Kind = GoalOutcomeKind.Reworded, PhaseId = workshop.Id, PollId = poll, Priority = GoalPriority.High,
                    NewText = Wording("evaluation.demo.reworded.klima1") },
                "klima-3" => new GoalOutcome { GoalId = goal.Id, Kind = GoalOutcomeKind.Merged, PhaseId = workshop.Id, PollId = poll, MergedIntoGoalId = "klima-1" },
                "demografie-3" => new GoalOutcome { GoalId = goal.Id, Kind = GoalOutcomeKind.Merged, PhaseId = workshop.Id, PollId = poll, MergedIntoGoalId = "demografie-1" },
                "wirtschaft-3" => new GoalOutcome { GoalId = goal.Id, Kind = GoalOutcomeKind.Dropped, PhaseId = workshop.Id, PollId = poll },
                "innenstadt-2" => new GoalOutcome { GoalId = goal.Id, Kind = GoalOutcomeKind.Reworded, PhaseId = workshop.Id, PollId = poll, Priority = GoalPriority.Medium,
                    NewText = Wording("evaluation.demo.reworded.innenstadt2") },
                _ => new GoalOutcome { GoalId = goal.Id, Kind = GoalOutcomeKind.Confirmed, PhaseId = workshop.Id, PollId = poll, Priority = (GoalPriority)(i % 3) },
            };
        }
    }

    private static IEnumerable<GoalOutcome> SecondWorkshopOutcomes(Phase workshop, IReadOnlyList<Goal> goals)
    {
        var poll = PollPrefix + workshop.Id;
        yield return new GoalOutcome { GoalId = "mobilitaet-2", Kind = GoalOutcomeKind.Reworded, PhaseId = workshop.Id, PollId = poll, Priority = GoalPriority.High,
            NewText = Wording("evaluation.demo.reworded.mobilitaet2") };
        yield return new GoalOutcome { GoalId = "verwaltung-1", Kind = GoalOutcomeKind.Confirmed, PhaseId = workshop.Id, PollId = poll, Priority = GoalPriority.High };
        yield return new GoalOutcome { GoalId = "wohnen-3", Kind = GoalOutcomeKind.Confirmed, PhaseId = workshop.Id, PollId = poll, Priority = GoalPriority.Low };
        if (goals.Any(g => g.Id == "bildung-3"))
        {
            yield return new GoalOutcome { GoalId = "bildung-3", Kind = GoalOutcomeKind.Merged, PhaseId = workshop.Id, PollId = poll, MergedIntoGoalId = "bildung-2" };
        }
    }

    // A sample rewording in both languages, from the texts files.
    private static LocalizedText Wording(string key) => new(Texts.Get(key, "de"), Texts.Get(key, "en"));

    private static int Draw(double[] profile, double unit)
    {
        var sum = 0.0;
        for (var i = 0; i < profile.Length; i++)
        {
            sum += profile[i];
            if (unit < sum)
            {
                return i + 1;
            }
        }
        return profile.Length;
    }

    private static double Unit(string seed) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0) / (uint.MaxValue + 1.0);

    /// <summary>Shaped like an anonymous respondent key, but from a public hash: sample respondents are nobody.</summary>
    private static string Key(string scope, string personId) =>
        RespondentKeys.AnonymousPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"demo|{scope}|{personId}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static DateTimeOffset At(DateOnly day, int hour) => Core.Scheduling.BerlinTime.ToInstant(day, new TimeOnly(hour, 0)).ToUniversalTime();
}
