using System.Text;
using System.Text.Json;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Activity = Leitbild.Teams.Bot.Schema.Activity;

namespace Leitbild.Teams.Bench;

/// <summary>
/// How big the poll cards get, against Teams' bot message size limit. Microsoft's "Format your bot messages" page:
/// "The bot message size limit is 40 KB … The bot message size limit includes the entire message payload encoded as
/// UTF-16 and doesn't include Base64 encoded images." The often quoted 28 KB (a Microsoft Q&amp;A answer about Adaptive
/// Cards) is shown as a second, stricter line. Measured: the card JSON in UTF-8 and the whole outgoing message activity
/// in UTF-16, German and English, for a 10-goal rating poll, every page of a 10-question poll (10 goals each, the worst
/// case the rules allow), the answered card, and the closed card with results from all 59 seeded people.
/// </summary>
public static class PollCardSizeScenario
{
    public const string LimitSource = "https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages";
    public const string StricterSource = "https://learn.microsoft.com/en-in/answers/questions/2152702/question-about-image-size-in-adaptive-cards";
    private const int LimitBytes = 40 * 1024;
    private const int StricterBytes = 28 * 1024;

    public static Task<int> RunAsync(string[] args)
    {
        var template = TemplateFiles.Load(null);
        var goals = template.Goals.AllGoals.Select(g => g.Id).ToList();
        var people = template.Organisation.People;
        var now = new DateTimeOffset(2024, 5, 14, 10, 0, 0, TimeSpan.FromHours(2));
        // Teams user ids in a group chat are about 90 characters; a card lists at most 60 for automatic refresh.
        var sixtyUserIds = Enumerable.Range(0, PollCards.MaxRefreshUsers).Select(i => "29:1" + new string((char)('a' + (i % 26)), 84) + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Question Rating(int q, int goalCount) => new()
        {
            Id = $"q{q}", Kind = QuestionKind.GoalRating,
            Prompt = new LocalizedText($"Frage {q}: Wie sehr stimmen Sie diesen Zielen zu?", $"Question {q}: How much do you agree with these goals?"),
            GoalIds = [.. Enumerable.Range(0, goalCount).Select(g => goals[(q * 3 + g) % goals.Count])],
        };
        Poll MakePoll(int questions, int goalsPerQuestion = PollDefinitionRules.MaxGoalsPerQuestion) => new()
        {
            Id = "p-size-0123456789",
            ProcessId = template.Process.Id,
            PhaseId = template.Process.Phases[0].Id,
            Title = new LocalizedText("Rückmeldung zu den Zielen des Leitbilds", "Feedback on the vision's goals"),
            Questions = [.. Enumerable.Range(1, questions).Select(q => Rating(q, goalsPerQuestion))],
            Settings = new PollSettings { Anonymous = true, Visibility = ResultsVisibility.Live, Deadline = now.AddDays(14) },
            Audience = PollAudience.GroupChat("19:meeting_abcdefghijklmnopqrstuvwxyz0123456789@thread.v2"),
            Status = PollStatus.Open,
            CreatedBy = people[0].Id,
            CreatedAt = now,
        };
        List<Answer> AnswersOf(Poll poll, IEnumerable<Person> who) => [.. who.SelectMany((person, n) => poll.Questions.SelectMany(q => q.GoalIds.Select((g, i) => new Answer
        {
            PollId = poll.Id, QuestionId = q.Id, GoalId = g, FieldOfActionId = template.Goals.FieldOf(g)?.Id ?? "",
            Value = (n + i) % 7 == 6 ? AnswerValue.None : AnswerValue.OfRating(1 + ((n + 2 * i) % 5)),
            RespondentKey = person.Id, AnsweredAt = now, PhaseId = poll.PhaseId, Channel = AnswerChannel.Chat, AppVersion = "0.1.0",
        })))];

        var rows = new List<(string Name, AdaptiveCard Card)>();
        foreach (var language in new[] { "de", "en" })
        {
            var single = MakePoll(1);
            var singleContext = new PollCardContext(single, template.Goals, template.Process, language);
            rows.Add(($"10-goal rating, question card [{language}]", PollCards.Questions(singleContext, 1, [], [], null)));
            rows.Add(($"10-goal rating, question card, 60 refresh users [{language}]", PollCards.Questions(singleContext, 1, [], [], sixtyUserIds)));
            var singleMine = AnswersOf(single, people.Take(1));
            rows.Add(($"10-goal rating, change card (answers prefilled) [{language}]", PollCards.Questions(singleContext, 1, singleMine, [], sixtyUserIds)));
            rows.Add(($"10-goal rating, closed with results [{language}]", PollCards.Closed(singleContext, Tally(single, AnswersOf(single, people)))));

            var ten = MakePoll(PollDefinitionRules.MaxQuestions);
            var tenContext = new PollCardContext(ten, template.Goals, template.Process, language);
            for (var page = 1; page <= PollCards.PageCount(ten); page++)
            {
                rows.Add(($"10 questions × 10 goals, page {page}/{PollCards.PageCount(ten)}, 60 refresh users [{language}]", PollCards.Questions(tenContext, page, [], [], sixtyUserIds)));
            }
            var tenAll = AnswersOf(ten, people);
            var tenResults = Tally(ten, tenAll);
            rows.Add(($"10 questions × 10 goals, answered, live results [{language}]", PollCards.Answered(tenContext, AnswersOf(ten, people.Take(1)), tenResults, sixtyUserIds)));
            rows.Add(($"10 questions × 10 goals, closed with results [{language}]", PollCards.Closed(tenContext, tenResults)));

            // A more usual long poll: ten questions of three goals each.
            var short10 = MakePoll(PollDefinitionRules.MaxQuestions, 3);
            var shortContext = new PollCardContext(short10, template.Goals, template.Process, language);
            rows.Add(($"10 questions × 3 goals, page 1/{PollCards.PageCount(short10)}, 60 refresh users [{language}]", PollCards.Questions(shortContext, 1, [], [], sixtyUserIds)));
            var shortResults = Tally(short10, AnswersOf(short10, people));
            rows.Add(($"10 questions × 3 goals, answered, live results [{language}]", PollCards.Answered(shortContext, AnswersOf(short10, people.Take(1)), shortResults, sixtyUserIds)));
            rows.Add(($"10 questions × 3 goals, closed with results [{language}]", PollCards.Closed(shortContext, shortResults)));
        }

        Console.WriteLine($"Teams bot message size limit: 40 KB = {LimitBytes:N0} bytes, whole message payload in UTF-16 ({LimitSource})");
        Console.WriteLine($"stricter line often quoted for Adaptive Cards: 28 KB = {StricterBytes:N0} bytes ({StricterSource})");
        Console.WriteLine();
        Console.WriteLine($"{"card",-72} {"card UTF-8",11} {"message UTF-16",15} {"of 40 KB",9} {"of 28 KB",9}");
        var over = false;
        foreach (var (name, card) in rows)
        {
            var cardUtf8 = Encoding.UTF8.GetByteCount(BotJson.ToElement(card).GetRawText());
            var message = new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = "msteams",
                ServiceUrl = "https://smba.trafficmanager.net/emea/",
                From = new ChannelAccount { Id = "28:00000000-0000-0000-0000-000000000000", Name = "Leitbild" },
                Conversation = new ConversationAccount { Id = "19:meeting_abcdefghijklmnopqrstuvwxyz0123456789@thread.v2", ConversationType = "groupChat", IsGroup = true },
                Attachments = [card.ToAttachment()],
            };
            var messageUtf16 = Encoding.Unicode.GetByteCount(JsonSerializer.Serialize(message, BotJson.Options));
            over |= messageUtf16 > LimitBytes;
            Console.WriteLine($"{name,-72} {cardUtf8,11:N0} {messageUtf16,15:N0} {100.0 * messageUtf16 / LimitBytes,8:0}% {100.0 * messageUtf16 / StricterBytes,8:0}%");
        }
        Console.WriteLine();
        Console.WriteLine(over ? "A card is over the 40 KB limit." : "Every card is within the 40 KB limit.");
        return Task.FromResult(over ? 1 : 0);
    }

    private static PollResults Tally(Poll poll, IReadOnlyCollection<Answer> answers) =>
        PollTally.Compute(poll, answers, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, new CommentIds(new byte[32]));
}
