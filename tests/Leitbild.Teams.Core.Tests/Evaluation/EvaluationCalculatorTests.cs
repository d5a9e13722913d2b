using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Results;
using static Leitbild.Teams.Core.Tests.Evaluation.EvaluationSamples;

namespace Leitbild.Teams.Core.Tests.Evaluation;

/// <summary>
/// A seeded data set with figures worked out by hand (see each test). Workshop 1's poll: 15 people on klima-1, six
/// from Dezernat A (office a1), five from B (b1), four from C (c1). Workshop 2's poll: 10 people from A, all rating 5.
/// </summary>
public sealed class EvaluationCalculatorTests
{
    private static readonly int[] A = [5, 5, 5, 4, 4, 4];
    private static readonly int[] B = [4, 4, 3, 2, 1];
    private static readonly int[] C = [5, 4, 1, 1];

    private static EvaluationInput Input()
    {
        var answers = new List<Answer>();
        var person = 0;
        foreach (var (ratings, office) in new[] { (A, "a1"), (B, "b1"), (C, "c1") })
        {
            foreach (var rating in ratings)
            {
                answers.Add(Rating("p1", "w1", "klima-1", person++, rating, office));
            }
        }
        for (var i = 0; i < 10; i++)
        {
            answers.Add(Rating("p2", "w2", "klima-1", i, 5, "a1"));
        }
        var statements = new[]
        {
            Statement("s1", "i1", "klima", "klima-1", "Nur zählen, nie zeigen", StatementSentiment.Strength, StatementConsent.CountOnly, null),
            Statement("s2", "i1", "klima", "klima-1", "Zu wenig Personal", StatementSentiment.Problem, StatementConsent.QuoteAnonymously, "Darf nicht erscheinen"),
            Statement("s3", "i2", "wohnen", null, "Brachen nutzen", StatementSentiment.Idea, StatementConsent.QuoteWithName, "Erika Muster (A1)"),
        };
        // The statements are answers in the store too (channel Interview): they must not count as poll answers.
        answers.AddRange(statements.Select(s => new Answer
        {
            PollId = InterviewStatementRules.PollId, QuestionId = s.Id, GoalId = s.GoalId ?? InterviewStatementRules.NoGoalId, FieldOfActionId = s.FieldOfActionId,
            Value = AnswerValue.OfText(s.Text), RespondentKey = "anon-" + s.InterviewId, AnsweredAt = new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero),
            PhaseId = "interviews", Channel = AnswerChannel.Interview, AppVersion = "1",
        }));
        return new EvaluationInput
        {
            Process = Sample,
            SeedGoals = Goals,
            Organisation = Organisation,
            Answers = answers,
            Statements = statements,
            Interviews = [new("i1", "interviews", "dez-a"), new("i2", "interviews", "dez-b")],
            Rules = SummaryRules.Standard,
            Changes =
            [
                new GoalChange { Sequence = 1, GoalId = "klima-1", Kind = GoalOutcomeKind.Reworded, PhaseId = "w1", PollId = "p1", NewText = new("Klimaneutral bis 2045", "Climate-neutral by 2045"), Priority = GoalPriority.Medium, RecordedAt = new DateTimeOffset(2024, 5, 14, 16, 0, 0, TimeSpan.Zero) },
                new GoalChange { Sequence = 2, GoalId = "klima-2", Kind = GoalOutcomeKind.Dropped, PhaseId = "w1", RecordedAt = new DateTimeOffset(2024, 5, 14, 16, 5, 0, TimeSpan.Zero) },
                new GoalChange { Sequence = 3, GoalId = "klima-1", Kind = GoalOutcomeKind.Confirmed, PhaseId = "w2", PollId = "p2", Priority = GoalPriority.High, RecordedAt = new DateTimeOffset(2024, 6, 18, 15, 0, 0, TimeSpan.Zero) },
            ],
        };
    }

    private static InterviewStatement Statement(string id, string interview, string field, string? goal, string text, StatementSentiment sentiment, StatementConsent consent, string? namedAs) =>
        new() { Id = id, InterviewId = interview, PhaseId = "interviews", FieldOfActionId = field, GoalId = goal, Text = text, Sentiment = sentiment, Consent = consent, NamedAs = namedAs };

    private static GoalEvaluation Goal(ProcessEvaluation e, string id) => e.AllGoals.Single(g => g.GoalId == id);

    [Fact]
    public void PollFiguresPerGoalComeFromBothWorkshopPollsAndNotFromInterviewStatements()
    {
        var klima1 = Goal(EvaluationCalculator.Evaluate(Input()), "klima-1");

        // 1s: B 1 + C 2 = 3; 2s: B 1; 3s: B 1; 4s: A 3 + B 2 + C 1 = 6; 5s: A 3 + C 1 + workshop 2's 10 = 14. n = 25.
        Assert.Equal([3, 1, 1, 6, 14], klima1.Polls.Distribution);
        Assert.Equal(25, klima1.Agreement.Ratings);
        Assert.Equal(0.8, klima1.Agreement.AgreeShare);
        Assert.Equal(0.16, klima1.Agreement.DisagreeShare);
        // Mean = (3 + 2 + 3 + 24 + 70) / 25 = 4.08. Disagreement above 10 %: agreement, not broad agreement.
        Assert.Equal(4.08, klima1.Agreement.Mean);
        Assert.Equal(AgreementLevel.Agreement, klima1.Agreement.Level);
        Assert.Empty(klima1.Polls.Comments);
    }

    [Fact]
    public void AHiddenCommentIsLeftOutOfTheEvaluation()
    {
        var input = Input();
        var comments = Enumerable.Range(0, 2).Select(n => EvaluationSamples.Rating("p1", "w1", "klima-1", n, 5, "a1") with
        {
            QuestionId = "q-text", Value = AnswerValue.OfText(n == 0 ? "Sachlich" : "Beleidigend"),
        }).ToList();
        var hidden = HiddenComments.ForAnswers(new CommentIds(new byte[32]), [comments[1].Key]);

        var klima1 = Goal(EvaluationCalculator.Evaluate(input with { Answers = [.. input.Answers, .. comments], Rules = SummaryRules.Standard with { Hidden = hidden } }), "klima-1");

        Assert.Equal(["Sachlich"], klima1.Polls.Comments);
    }

    [Fact]
    public void ARaisedMinimumGroupSizeHoldsBackTheOfficeOfTen()
    {
        var klima1 = Goal(EvaluationCalculator.Evaluate(Input() with { Rules = SummaryRules.Standard with { Minimum = new MinimumGroupSize(11) } }), "klima-1");

        Assert.Empty(klima1.Polls.Departments);
        Assert.True(klima1.Polls.DepartmentsWithheld);
    }

    [Fact]
    public void BreakdownByOfficeUsesTheLatestPollWherePeopleAreDistinct()
    {
        var klima1 = Goal(EvaluationCalculator.Evaluate(Input()), "klima-1");

        // Workshop 2's poll only: ten people from a1. (Across both polls a1 would count 16 keys for at most 10 + 6 people.)
        Assert.Equal("p2", klima1.DepartmentsPollId);
        var office = Assert.Single(klima1.Polls.Departments);
        Assert.Equal(("a1", 10), (office.DepartmentId, office.RespondentCount));
        Assert.False(klima1.Polls.DepartmentsWithheld);
    }

    [Fact]
    public void ParticipationByDezernatHidesGroupsUnderFiveAndTheGroupThatWouldRevealThem()
    {
        var phases = EvaluationCalculator.Evaluate(Input()).Phases.ToDictionary(p => p.Phase.Id);

        // Workshop 1: A 6, B 5, C 4. C is under five; showing A and B would reveal C as 15 − 11 = 4, so B goes too.
        var w1 = phases["w1"].Participation;
        Assert.Equal((1, 15, 15, 15), (w1.Polls, w1.Answers, w1.Participations, w1.People));
        Assert.Equal([new GroupCount("dez-a", 6)], w1.Divisions);
        Assert.True(w1.DivisionsWithheld);
        var w2 = phases["w2"].Participation;
        Assert.Equal([new GroupCount("dez-a", 10)], w2.Divisions);
        Assert.False(w2.DivisionsWithheld);
        // Interviews: two, one each from A and B: nothing by Dezernat.
        var interviews = phases["interviews"].Participation;
        Assert.Equal((0, 2, 2, 3), (interviews.Answers, interviews.Participations, interviews.Interviews, interviews.Statements));
        Assert.Empty(interviews.Divisions);
        Assert.True(interviews.DivisionsWithheld);
    }

    [Fact]
    public void StatementsAreCountedBySentimentAndQuotedOnlyWithConsentNamesOnlyWithConsentToBeNamed()
    {
        var evaluation = EvaluationCalculator.Evaluate(Input());

        var klima1 = Goal(evaluation, "klima-1").Statements;
        Assert.Equal((1, 1, 0), (klima1.Strengths, klima1.Problems, klima1.Ideas));
        Assert.Equal([new Quote("Zu wenig Personal", StatementSentiment.Problem, null)], klima1.Quotes);
        var wohnen = evaluation.Fields.Single(f => f.Id == "wohnen").FieldStatements;
        Assert.Equal([new Quote("Brachen nutzen", StatementSentiment.Idea, "Erika Muster (A1)")], wohnen.Quotes);
        Assert.DoesNotContain(evaluation.AllGoals.SelectMany(g => g.Statements.Quotes), q => q.Text.Contains("zählen", StringComparison.Ordinal));
    }

    [Fact]
    public void GoalsCarryTheirFinalWordingStateAndEachWorkshopsDecision()
    {
        var evaluation = EvaluationCalculator.Evaluate(Input());

        var klima1 = Goal(evaluation, "klima-1");
        Assert.Equal("Klimaneutral bis 2045", klima1.FinalText.De);
        Assert.Equal(GoalPriority.High, klima1.Priority);
        Assert.Equal([GoalOutcomeKind.Reworded, GoalOutcomeKind.Confirmed], klima1.Decisions.Select(d => d.Kind));
        Assert.Equal(GoalState.Dropped, Goal(evaluation, "klima-2").State);
        Assert.Equal(25, evaluation.TotalAnswers);
        Assert.Equal(15 + 10 + 2, evaluation.TotalParticipations);
        Assert.Equal(new DateTimeOffset(2024, 6, 18, 15, 0, 0, TimeSpan.Zero), evaluation.AsOf);
    }

    [Fact]
    public void ComparisonListsWhatChangedBetweenWorkshopOneAndTwo()
    {
        var comparison = EvaluationCalculator.Evaluate(Input()).Comparison!;

        // klima-1: priority medium → high, agreement 10/15 = 67 % → 100 %. klima-2 was dropped in workshop 1 and stays so.
        var row = Assert.Single(comparison.Rows);
        Assert.Equal("klima-1", row.GoalId);
        Assert.Equal((GoalPriority.Medium, GoalPriority.High), (row.AfterFirst.Priority!.Value, row.AfterSecond.Priority!.Value));
        Assert.Equal("Klimaneutral bis 2045", row.AfterFirst.Text.De);
        Assert.Equal(Math.Round(10 / 15.0, 4), row.AgreementFirst.AgreeShare);
        Assert.Equal(1.0, row.AgreementSecond.AgreeShare);
    }

    [Fact]
    public void SameInputGivesTheSameEvaluation()
    {
        var first = EvaluationCalculator.Evaluate(Input());
        var second = EvaluationCalculator.Evaluate(Input() with { Answers = Input().Answers.Reverse().ToList() });

        Assert.Equal(first.AllGoals.Select(g => (g.GoalId, string.Join(",", g.Polls.Distribution), g.Agreement)), second.AllGoals.Select(g => (g.GoalId, string.Join(",", g.Polls.Distribution), g.Agreement)));
        Assert.Equal(first.Phases.Select(p => p.Participation.Divisions.Count), second.Phases.Select(p => p.Participation.Divisions.Count));
    }
}
