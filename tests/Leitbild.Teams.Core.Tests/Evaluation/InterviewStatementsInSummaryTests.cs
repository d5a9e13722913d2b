using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Evaluation;

public sealed class InterviewStatementsInSummaryTests
{
    [Fact]
    public void GoalSummaryNeverShowsInterviewStatementsAsComments()
    {
        Answer Text(string text, AnswerChannel channel, int n) => new()
        {
            PollId = "p", QuestionId = "q" + n, GoalId = "g", FieldOfActionId = "f", Value = AnswerValue.OfText(text), RespondentKey = "anon-" + n,
            AnsweredAt = DateTimeOffset.UnixEpoch.AddMinutes(n), PhaseId = "x", Channel = channel, AppVersion = "1",
        };

        // Enough people for the summary to show comments at all (the minimum group size).
        var others = Enumerable.Range(3, 3).Select(n => Text("", AnswerChannel.Chat, n));
        var summary = GoalSummaryCalculator.Compute("g", [Text("aus dem Chat", AnswerChannel.Chat, 1), Text("aus dem Interview", AnswerChannel.Interview, 2), .. others], SummaryRules.Standard);

        Assert.Equal(["aus dem Chat"], summary.Comments);
    }
}
