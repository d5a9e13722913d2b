using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Help;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.EndToEnd.Tests.Cards;

/// <summary>One card the app emits, with the inputs and buttons a person must find on it.</summary>
public sealed record CardSample(string Kind, AdaptiveCard Card, IReadOnlyList<string> Inputs, IReadOnlyList<string> Buttons);

/// <summary>
/// Every card kind the app emits, built by the app's own card code from the seeded template (German, as most people
/// see them). The create and started cards need a turn: they get one over the running app's services.
/// </summary>
public static class CardSamples
{
    private static readonly Leitbild.Teams.Core.Results.CommentIds TestCommentIds = new(new byte[32]);

    private const string Lang = "de";
    private static readonly DateTimeOffset Now = new(2024, 5, 14, 10, 0, 0, TimeSpan.FromHours(2));

    public static IReadOnlyList<string> Kinds { get; } =
    [
        "poll-goal-rating", "poll-single-choice", "poll-multiple-choice", "poll-ranking", "poll-free-text", "poll-paged",
        "poll-problems", "poll-answered", "poll-answered-results", "poll-closed", "poll-closed-results",
        "poll-create", "poll-create-problems", "poll-started", "bot-welcome", "bot-help", "bot-status",
    ];

    public static async Task<IReadOnlyList<CardSample>> BuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IProcessStore>();
        var process = (await store.ListProcessesAsync(cancellationToken)).First();
        var catalogue = (await store.GetGoalsAsync(process.Id, cancellationToken))!;
        var poll = SamplePoll(process, catalogue);
        PollCardContext Context(Poll p) => new(p, catalogue, process, Lang);
        PollCardContext Single(int index) => Context(poll with { Questions = [poll.Questions[index]] });

        var answers = SampleAnswers(poll, catalogue);
        var mine = answers.Where(a => a.RespondentKey == Respondent(0)).ToList();
        var results = PollTally.Compute(poll, answers, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, TestCommentIds);
        var submit = T("poll.card.submit");
        var change = T("poll.card.change");

        var turn = new TurnContext(OrganizerMessage(process), services, services.GetRequiredService<IConnectorClient>());
        var created = poll with { Title = new("Ziele Klima", "Climate goals") };
        string[] createInputs = ["title", "phase", "goals", "anonymous", "visibility", "deadlineDate", "deadlineTime"];

        return
        [
            Question("poll-goal-rating", Single(0), 1, [], [], submit),
            Question("poll-single-choice", Single(1), 1, [], [], submit),
            Question("poll-multiple-choice", Single(2), 1, [], [], submit),
            Question("poll-ranking", Single(3), 1, [], [], submit),
            Question("poll-free-text", Single(4), 1, [], [], submit),
            Question("poll-paged", Context(poll), 1, [], [], T("poll.card.next")),
            Question("poll-problems", Context(poll), 1, mine,
                [new PollProblem("q1", "Bitte jedes Ziel bewerten oder „keine Angabe“ wählen.", "Please rate every goal or choose \"no answer\".")], T("poll.card.next")),
            new("poll-answered", PollCards.Answered(Context(poll with { Settings = poll.Settings with { Visibility = ResultsVisibility.AfterClose } }), mine, null, []), [], [change]),
            new("poll-answered-results", PollCards.Answered(Context(poll), mine, results, []), [], [change]),
            new("poll-closed", PollCards.Closed(Context(poll with { Status = PollStatus.Closed }), null), [], []),
            new("poll-closed-results", PollCards.Closed(Context(poll with { Status = PollStatus.Closed }), results), [], []),
            new("poll-create", await PollCreateCard.BuildAsync(turn, [], cancellationToken), createInputs, [T("poll.create.send")]),
            new("poll-create-problems", await PollCreateCard.BuildAsync(turn,
                [new PollProblem("title", "Bitte einen Titel angeben.", "Please give a title.")], cancellationToken), createInputs, [T("poll.create.send")]),
            new("poll-started", PollCreateCard.Started(turn, created), [], [T("poll.create.close")]),
            new("bot-welcome", HelpCards.Welcome(Lang, "Stadt Bergkamen"), [], [T("bot.action.status"), T("bot.action.help")]),
            new("bot-help", HelpCards.Help(Lang, services.GetRequiredService<BotRoutes>().Commands), [], [T("bot.action.status")]),
            new("bot-status", HelpCards.Status(Lang, process, DateOnly.FromDateTime(Now.Date), Now), [], [T("bot.action.refresh")]),
        ];
    }

    private static string T(string key) => Texts.Get(key, Lang);

    private static CardSample Question(string kind, PollCardContext context, int page, IReadOnlyList<Answer> mine, IReadOnlyList<PollProblem> problems, string button) =>
        new(kind, PollCards.Questions(context, page, mine, problems, refreshUserIds: []),
            [.. PollCards.QuestionsOnPage(context.Poll, page).SelectMany(PollSubmission.InputIds)], [button]);

    private static Poll SamplePoll(ProcessTemplate process, GoalCatalogue catalogue)
    {
        var goals = catalogue.AllGoals.Select(g => g.Id).ToList();
        return new Poll
        {
            Id = "p-cards",
            ProcessId = process.Id,
            PhaseId = process.Phases[0].Id,
            Title = new("Zieldiskussion Klima und Wohnen", "Goal discussion climate and housing"),
            Questions =
            [
                new Question { Id = "q1", Kind = QuestionKind.GoalRating, Prompt = new("Wie sehr stimmen Sie diesen Zielen zu?", "How much do you agree with these goals?"),
                    GoalIds = [.. goals.Take(8)] }, // 8 + 1 + 1 + 3 + 1 inputs: two pages of at most 12
                new Question { Id = "q2", Kind = QuestionKind.SingleChoice, Prompt = new("Welche Jahreszahl soll im Ziel stehen?", "Which year should the goal name?"),
                    GoalIds = [goals[0]], Options = [new("a", new("bis 2045", "by 2045")), new("b", new("bis 2040", "by 2040"))] },
                new Question { Id = "q3", Kind = QuestionKind.MultipleChoice, Prompt = new("Wer soll beteiligt werden?", "Who should take part?"),
                    GoalIds = [goals[1]], MaxChoices = 2,
                    Options = [new("a", new("Ämter", "Offices")), new("b", new("Politik", "Politics")), new("c", new("Öffentlichkeit", "Public"))] },
                new Question { Id = "q4", Kind = QuestionKind.Ranking, Prompt = new("Was soll zuerst angegangen werden?", "What should come first?"),
                    GoalIds = [.. goals.Skip(3).Take(5)] },
                new Question { Id = "q5", Kind = QuestionKind.FreeText, Prompt = new("Was fehlt Ihnen?", "What is missing?"), GoalIds = [goals[2]], MaxLength = 500 },
            ],
            Settings = new PollSettings { Anonymous = true, Visibility = ResultsVisibility.Live, Deadline = Now.AddDays(7) },
            Audience = PollAudience.GroupChat("19:cards@thread.v2"),
            Status = PollStatus.Open,
            CreatedBy = "organizer",
            CreatedAt = Now,
        };
    }

    private static string Respondent(int n) => $"00000000-0000-4000-8000-{n:D12}";

    /// <summary>Six people answered everything, so the results table has counts, means and a comment to show.</summary>
    private static List<Answer> SampleAnswers(Poll poll, GoalCatalogue catalogue)
    {
        var answers = new List<Answer>();
        for (var n = 0; n < 6; n++)
        {
            Answer Make(Question q, string goal, AnswerValue value) => new()
            {
                PollId = poll.Id, QuestionId = q.Id, GoalId = goal, FieldOfActionId = catalogue.FieldOf(goal)?.Id ?? "", Value = value,
                RespondentKey = Respondent(n), AnsweredAt = Now.AddMinutes(n), PhaseId = poll.PhaseId, Channel = AnswerChannel.Chat, AppVersion = "0.1.0",
            };
            var q = poll.Questions;
            answers.AddRange(q[0].GoalIds.Select((g, i) => Make(q[0], g, (n + i) % 6 == 5 ? AnswerValue.None : AnswerValue.OfRating(1 + ((n + 2 * i) % 5)))));
            answers.Add(Make(q[1], q[1].GoalIds[0], AnswerValue.OfChoices(n % 3 == 0 ? "a" : "b")));
            answers.Add(Make(q[2], q[2].GoalIds[0], AnswerValue.OfChoices(n % 2 == 0 ? ["a", "c"] : ["b"])));
            answers.AddRange(q[3].GoalIds.Take(3).Select((g, i) => Make(q[3], q[3].GoalIds[(i + n) % q[3].GoalIds.Count], AnswerValue.OfRank(i + 1))));
            if (n % 2 == 0)
            {
                answers.Add(Make(q[4], q[4].GoalIds[0], AnswerValue.OfText(n == 0 ? "Mehr Bäume in der Innenstadt." : "Radwege zu den Schulen.")));
            }
        }
        return answers;
    }

    private static Activity OrganizerMessage(ProcessTemplate process) => new()
    {
        Type = ActivityTypes.Message,
        Id = "cards-1",
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:9/_connector",
        Locale = "de-DE",
        Text = "umfrage",
        From = new ChannelAccount { Id = "29:organizer", AadObjectId = "00000000-0000-4000-8000-00000000cafe" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "19:cards@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant" },
    };
}
