using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Evaluation;

// Collects what the evaluation of the running process needs from the stores and hands it to EvaluationCalculator.
public sealed class EvaluationService(
    ISeededProcessStore seeded,
    IGoalHistoryStore history,
    IInterviewNotesStore notes,
    IResultsStore results,
    IDirectory directory,
    SummaryRulesSource summaryRules,
    TimeProvider time)
{
    // The app version the seed-demo verb stamps on its made-up answers; the report says when it finds any.
    public const string SampleAppVersion = "demo";

    public async Task<ProcessEvaluation?> EvaluateAsync(CancellationToken cancellationToken) =>
        await InputAsync(cancellationToken) is { } input ? EvaluationCalculator.Evaluate(input) : null;

    public async Task<EvaluationInput?> InputAsync(CancellationToken cancellationToken)
    {
        var process = await seeded.GetRunningAsync(time, cancellationToken);
        if (process is null)
        {
            return null;
        }
        var seed = (await seeded.GetGoalsAsync(process.Id, cancellationToken))!;
        var changes = await history.ListWithOriginAsync(process.Id, cancellationToken);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);

        // The store is read by goal (an indexed column in both stores): every goal of the seed catalogue, plus the
        // marker goal of statements about a whole field.
        var answers = new List<Answer>();
        foreach (var goalId in seed.AllGoals.Select(g => g.Id).Append(InterviewStatementRules.NoGoalId))
        {
            answers.AddRange(await AnswerReader.ReadAllAsync(results, new AnswerQuery { GoalId = goalId }, cancellationToken));
        }
        var interviewAnswers = answers.Where(a => a.Channel == AnswerChannel.Interview && a.PollId == InterviewStatementRules.PollId)
            .ToDictionary(a => a.Key, StringComparer.Ordinal);
        var statementNotes = await notes.ListAsync(null, includeWithdrawn: false, cancellationToken);
        // A note whose answer has not reached the store yet (outbox) waits for the next evaluation.
        var statements = statementNotes.Where(n => interviewAnswers.ContainsKey(n.AnswerKey)).Select(n =>
        {
            var answer = interviewAnswers[n.AnswerKey];
            return new InterviewStatement
            {
                Id = n.StatementId,
                InterviewId = n.InterviewId,
                PhaseId = answer.PhaseId,
                FieldOfActionId = n.FieldOfActionId,
                GoalId = n.GoalId,
                Text = answer.Value.Text ?? string.Empty,
                Sentiment = n.Sentiment,
                Consent = n.Consent,
                NamedAs = n.NamedAs,
            };
        }).ToList();
        var interviews = await notes.ListInterviewsAsync(cancellationToken);
        // Answers of withdrawn statements stay in the store with a placeholder text; they are no poll answers either.
        var pollAnswers = answers.Where(a => a.Channel != AnswerChannel.Interview).ToList();
        return new EvaluationInput
        {
            Process = process,
            SeedGoals = seed,
            Changes = changes.Select(c => c.Change).ToList(),
            Organisation = organisation,
            Answers = answers,
            Statements = statements,
            Interviews = interviews.Select(i => i.Interview).ToList(),
            Rules = await summaryRules.CurrentAsync(cancellationToken),
            ContainsSampleData = pollAnswers.Any(a => a.AppVersion == SampleAppVersion) || changes.Any(c => c.IsSample)
                || interviews.Any(i => i.IsSample) || statementNotes.Any(n => n.IsSample),
        };
    }
}
