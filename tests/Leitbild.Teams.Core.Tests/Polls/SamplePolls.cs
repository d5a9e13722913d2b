using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Tests.Process;

namespace Leitbild.Teams.Core.Tests.Polls;

internal static class SamplePolls
{
    public static readonly LeitbildTemplate Template = TemplateFolder.Bergkamen().Load();
    public static readonly DateTimeOffset Now = new(2024, 5, 14, 10, 0, 0, TimeSpan.FromHours(2));

    public static Question Rating(string id = "q1", params string[] goals) => new()
    {
        Id = id,
        Kind = QuestionKind.GoalRating,
        Prompt = new("Wie wichtig ist Ihnen dieses Ziel?", "How important is this goal to you?"),
        GoalIds = goals.Length > 0 ? goals : ["klima-1", "wohnen-1", "mobilitaet-1"],
    };

    public static Question SingleChoice(string id = "q2") => new()
    {
        Id = id,
        Kind = QuestionKind.SingleChoice,
        Prompt = new("Welche Formulierung passt besser?", "Which wording fits better?"),
        GoalIds = ["klima-1"],
        Options = [new("a", new("Klimaneutral bis 2045", "Climate neutral by 2045")), new("b", new("Klimaneutral bis 2040", "Climate neutral by 2040"))],
    };

    public static Question MultipleChoice(string id = "q3", int max = 2) => new()
    {
        Id = id,
        Kind = QuestionKind.MultipleChoice,
        Prompt = new("Wer soll beteiligt werden?", "Who should take part?"),
        GoalIds = ["verwaltung-3"],
        Options = [new("a", new("Ämter", "Offices")), new("b", new("Politik", "Politics")), new("c", new("Öffentlichkeit", "Public"))],
        MaxChoices = max,
    };

    public static Question Ranking(string id = "q4") => new()
    {
        Id = id,
        Kind = QuestionKind.Ranking,
        Prompt = new("Was ist am wichtigsten?", "What matters most?"),
        GoalIds = ["klima-1", "wohnen-1", "mobilitaet-1", "bildung-1"],
        RankCount = 3,
    };

    public static Question FreeText(string id = "q5", int maxLength = 50) => new()
    {
        Id = id,
        Kind = QuestionKind.FreeText,
        Prompt = new("Was fehlt?", "What is missing?"),
        GoalIds = ["klima-2"],
        MaxLength = maxLength,
    };

    public static Poll Poll(params Question[] questions) => new()
    {
        Id = "poll-1",
        ProcessId = Template.Process.Id,
        PhaseId = "workshop-1",
        Title = new("Zieldiskussion", "Goal discussion"),
        Questions = questions.Length > 0 ? questions : [Rating(), SingleChoice(), MultipleChoice(), Ranking(), FreeText()],
        Settings = new PollSettings { Visibility = ResultsVisibility.Live, Deadline = Now.AddDays(7) },
        Audience = PollAudience.AllInstalled,
        Status = PollStatus.Open,
        CreatedBy = Template.Organisation.People[1].Id,
        CreatedAt = Now.AddDays(-1),
    };
}
