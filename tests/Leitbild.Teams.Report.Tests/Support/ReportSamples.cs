using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Report.Tests.Support;

/// <summary>Evaluations of the shipped Bergkamen template: the demo data set, and a hand-made one for the 5-person rule.</summary>
internal static class ReportSamples
{
    public static LeitbildTemplate Template { get; } = TemplateFiles.Load(null);

    /// <summary>The template's process with actual dates for the phases that took place (as an organizer would enter them).</summary>
    public static ProcessTemplate ProcessAsItHappened { get; } = Template.Process with
    {
        Phases = Template.Process.Phases.Select(p => p.Id switch
        {
            "interviews" => p with { ActualStart = new DateOnly(2024, 3, 12), ActualEnd = new DateOnly(2024, 5, 3) },
            "workshop-1" => p with { ActualStart = new DateOnly(2024, 5, 14), ActualEnd = new DateOnly(2024, 5, 14) },
            "workshop-2" => p with { ActualStart = new DateOnly(2024, 6, 25), ActualEnd = new DateOnly(2024, 6, 25) },
            _ => p,
        }).ToList(),
    };

    public static EvaluationInput Demo()
    {
        var set = DemoData.Build(ProcessAsItHappened, Template.Goals, Template.Organisation);
        var texts = set.Answers.ToDictionary(a => a.Key);
        var changes = set.Outcomes.Select((o, i) => o.Outcome.ToChange(i + 1, o.At)).ToList();
        return new EvaluationInput
        {
            Process = ProcessAsItHappened,
            SeedGoals = Template.Goals,
            Changes = changes,
            Organisation = Template.Organisation,
            Answers = set.Answers,
            Statements = set.Notes.Select(n => new InterviewStatement
            {
                Id = n.Note.StatementId, InterviewId = n.Note.InterviewId, PhaseId = n.Interview.PhaseId, FieldOfActionId = n.Note.FieldOfActionId, GoalId = n.Note.GoalId,
                Text = texts[n.Note.AnswerKey].Value.Text!, Sentiment = n.Note.Sentiment, Consent = n.Note.Consent, NamedAs = n.Note.NamedAs,
            }).ToList(),
            Interviews = set.Notes.Select(n => n.Interview).DistinctBy(i => i.InterviewId).ToList(),
            Rules = SummaryRules.Standard,
            ContainsSampleData = true,
        };
    }

    /// <summary>
    /// One poll in workshop 1 on klima-1: StA 20 (Dezernat I) with 4 people, StA 40 (Dezernat II) with 6, StA 61
    /// (Dezernat IV) with 10. Dezernat I and StA 20 are under five; Dezernat II and StA 40 would reveal them by
    /// subtraction (20 − 16 = 4), so only Dezernat IV and StA 61 may appear.
    /// </summary>
    public static EvaluationInput SmallGroups()
    {
        var answers = new List<Answer>();
        var n = 0;
        foreach (var (office, people) in new[] { ("sta-20", 4), ("sta-40", 6), ("sta-61", 10) })
        {
            for (var i = 0; i < people; i++, n++)
            {
                answers.Add(new Answer
                {
                    PollId = "umfrage-w1", QuestionId = "q", GoalId = "klima-1", FieldOfActionId = "klima", Value = AnswerValue.OfRating(1 + n % 5),
                    DepartmentId = office, RespondentKey = new Guid(n + 1, 0, 0, new byte[8]).ToString("D"),
                    AnsweredAt = new DateTimeOffset(2024, 5, 14, 10, 0, 0, TimeSpan.Zero).AddMinutes(n), PhaseId = "workshop-1", Channel = AnswerChannel.Workshop, AppVersion = "0.1.0",
                });
            }
        }
        return new EvaluationInput
        {
            Process = ProcessAsItHappened,
            SeedGoals = Template.Goals,
            Changes = [],
            Organisation = Template.Organisation,
            Answers = answers,
            Statements = [],
            Interviews = [],
            Rules = SummaryRules.Standard,
        };
    }
}
