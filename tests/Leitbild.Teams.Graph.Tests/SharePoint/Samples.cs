using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static Answer Rating(int n, int rating = 4, string goal = "klima-1", string poll = "poll-1", string? department = "sta-61") => new()
    {
        PollId = poll,
        QuestionId = "q-" + goal,
        GoalId = goal,
        FieldOfActionId = goal.Split('-')[0],
        Value = AnswerValue.OfRating(rating),
        DepartmentId = department,
        RespondentKey = Person(n),
        AnsweredAt = Now.AddMinutes(n),
        PhaseId = "umfrage-1",
        Channel = AnswerChannel.Chat,
        AppVersion = "0.1.0",
    };

    public static string Person(int n) => new Guid(n, 0, 0, new byte[8]).ToString("D");
}
