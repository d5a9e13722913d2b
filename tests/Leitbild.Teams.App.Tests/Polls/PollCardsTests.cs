using System.Text.Json;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.Tests.Bot;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Tests.Polls;

/// <summary>Every poll card kind, in German and English, validates against the official Adaptive Cards 1.5 schema.</summary>
public class PollCardsTests
{
    private static readonly Leitbild.Teams.Core.Results.CommentIds TestCommentIds = new(new byte[32]);

    private static readonly Core.Process.LeitbildTemplate Template = TemplateFiles.Load(null);
    private static readonly DateTimeOffset Now = new(2024, 5, 14, 10, 0, 0, TimeSpan.FromHours(2));

    private static Poll SamplePoll(int ratingGoals = 3) => new()
    {
        Id = "p123",
        ProcessId = Template.Process.Id,
        PhaseId = "workshop-1",
        Title = new("Zieldiskussion", "Goal discussion"),
        Questions =
        [
            new Question { Id = "q1", Kind = QuestionKind.GoalRating, Prompt = new("Wie sehr stimmen Sie zu?", "How much do you agree?"),
                GoalIds = [.. Template.Goals.AllGoals.Take(ratingGoals).Select(g => g.Id)] },
            new Question { Id = "q2", Kind = QuestionKind.SingleChoice, Prompt = new("Welche Formulierung?", "Which wording?"), GoalIds = ["klima-1"],
                Options = [new("a", new("bis 2045", "by 2045")), new("b", new("bis 2040", "by 2040"))] },
            new Question { Id = "q3", Kind = QuestionKind.MultipleChoice, Prompt = new("Wer?", "Who?"), GoalIds = ["verwaltung-3"], MaxChoices = 2,
                Options = [new("a", new("Ämter", "Offices")), new("b", new("Politik", "Politics")), new("c", new("Öffentlichkeit", "Public"))] },
            new Question { Id = "q4", Kind = QuestionKind.Ranking, Prompt = new("Was zuerst?", "What first?"), GoalIds = ["klima-1", "wohnen-1", "mobilitaet-1", "bildung-1"] },
            new Question { Id = "q5", Kind = QuestionKind.FreeText, Prompt = new("Was fehlt?", "What is missing?"), GoalIds = ["klima-2"], MaxLength = 300 },
        ],
        Settings = new PollSettings { Anonymous = true, Visibility = ResultsVisibility.Live, Deadline = Now.AddDays(7) },
        Audience = PollAudience.GroupChat("19:chat@thread.v2"),
        Status = PollStatus.Open,
        CreatedBy = Template.Organisation.People[1].Id,
        CreatedAt = Now,
    };

    private static Answer Mine(string question, string goal, AnswerValue value) => new()
    {
        PollId = "p123", QuestionId = question, GoalId = goal, FieldOfActionId = "klima", Value = value,
        RespondentKey = "00000000-0000-4000-8000-000000000001", AnsweredAt = Now, PhaseId = "workshop-1", Channel = AnswerChannel.Chat, AppVersion = "0.1.0",
    };

    private static readonly Answer[] MyAnswers =
    [
        Mine("q1", "klima-1", AnswerValue.OfRating(4)), Mine("q1", "klima-2", AnswerValue.None), Mine("q2", "klima-1", AnswerValue.OfChoices("b")),
        Mine("q3", "verwaltung-3", AnswerValue.OfChoices("a", "c")), Mine("q4", "wohnen-1", AnswerValue.OfRank(1)), Mine("q5", "klima-2", AnswerValue.OfText("Mehr Bäume")),
    ];

    public static TheoryData<string> Languages => new() { "de", "en" };

    private static PollCardContext Context(string language, Poll? poll = null) => new(poll ?? SamplePoll(), Template.Goals, Template.Process, language);

    private static JsonElement Json(AdaptiveCard card) => BotJson.ToElement(card);

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryQuestionPageValidates(string language)
    {
        var context = Context(language);
        for (var page = 1; page <= PollCards.PageCount(context.Poll); page++)
        {
            CardSchema.AssertValid(Json(PollCards.Questions(context, page, [], [], refreshUserIds: [])));
            CardSchema.AssertValid(Json(PollCards.Questions(context, page, MyAnswers, [new PollProblem("q1", "Falsch.", "Wrong.")], refreshUserIds: null)));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void AnsweredResultsAndClosedCardsValidate(string language)
    {
        var context = Context(language);
        var results = PollTally.Compute(context.Poll, MyAnswers, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, TestCommentIds);
        CardSchema.AssertValid(Json(PollCards.Answered(context, MyAnswers, results, ["29:a", "29:b"])));
        CardSchema.AssertValid(Json(PollCards.Answered(context, MyAnswers, null, null)));
        CardSchema.AssertValid(Json(PollCards.Closed(context, results)));
        CardSchema.AssertValid(Json(PollCards.Closed(context, null)));
    }

    [Fact]
    public void AResultCardOfOnePersonsAnswersSaysNotEnoughAnswersAndShowsNoRating()
    {
        var context = Context("de");
        var results = PollTally.Compute(context.Poll, MyAnswers, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, new CommentIds(new byte[32]));

        var card = Json(PollCards.Closed(context, results)).GetRawText();

        Assert.Contains("noch zu wenige Antworten", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Mehr Bäume", card, StringComparison.Ordinal);
        Assert.DoesNotContain("4: 1", card, StringComparison.Ordinal);
    }

    [Fact]
    public void ACommentShownToOthersCannotHideALink()
    {
        var context = Context("de");
        // Four more people answered, so the comments may be shown at all (minimum group size).
        Answer[] phishing = [.. MyAnswers.Where(a => a.QuestionId != "q5"), Mine("q5", "klima-2", AnswerValue.OfText("[Ihr Konto prüfen](https://phish.example)")),
            .. Enumerable.Range(1, 4).Select(n => Mine("q5", "klima-2", AnswerValue.OfText("Gut")) with { RespondentKey = "anon-other-" + n })];
        var results = PollTally.Compute(context.Poll, phishing, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, TestCommentIds);

        var card = Json(PollCards.Closed(context, results)).GetRawText();

        Assert.Contains(System.Text.Json.JsonEncodedText.Encode(@"\[Ihr Konto prüfen\]\(https://phish.example\)").ToString(), card, StringComparison.Ordinal);
    }

    [Fact]
    public void PagesHoldAtMostTwelveInputsAndNeverSplitAQuestion()
    {
        // Ten 3-goal rating questions: four fit a page (12 inputs), so 4 + 4 + 2.
        var poll = SamplePoll() with { Questions = [.. Enumerable.Range(1, 10).Select(i => SamplePoll().Questions[0] with { Id = $"q{i}" })] };
        Assert.Equal(3, PollCards.PageCount(poll));
        Assert.Equal(["q9", "q10"], PollCards.QuestionsOnPage(poll, 3).Select(q => q.Id));
        // A 10-goal rating (10 inputs) and a top-3 ranking (3 inputs) do not fit one page of 12.
        var big = SamplePoll(ratingGoals: 10) with { Questions = [SamplePoll(ratingGoals: 10).Questions[0], SamplePoll().Questions[3]] };
        Assert.Equal(2, PollCards.PageCount(big));
        Assert.Empty(PollCards.QuestionsOnPage(big, 3));
    }

    [Fact]
    public void EveryCardOfTheLargestPollStaysUnderTheTeamsMessageLimit()
    {
        // Teams rejects bot messages over 40 KB, counted as UTF-16:
        // https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages
        const int limit = 40 * 1024;
        var question = SamplePoll(ratingGoals: 10).Questions[0];
        var poll = SamplePoll() with { Questions = [.. Enumerable.Range(1, 10).Select(i => question with { Id = $"q{i}" })] };
        var context = Context("de", poll);
        var mine = poll.Questions.SelectMany(q => q.GoalIds.Select(g => Mine(q.Id, g, AnswerValue.OfRating(3)) with { PollId = poll.Id })).ToList();
        var results = PollTally.Compute(poll, mine, new Dictionary<string, CommentModeration>(), SummaryRules.Standard, includeHidden: false, TestCommentIds);
        var sixty = Enumerable.Range(0, 60).Select(i => $"29:{Guid.NewGuid()}").ToList();
        var cards = Enumerable.Range(1, PollCards.PageCount(poll)).Select(page => PollCards.Questions(context, page, mine, [], sixty))
            .Append(PollCards.Answered(context, mine, results, sixty))
            .Append(PollCards.Closed(context, results));
        foreach (var card in cards)
        {
            var utf16 = Json(card).GetRawText().Length * 2;
            Assert.True(utf16 < limit, $"card of {utf16} bytes (UTF-16) is over {limit}");
        }
    }

    [Fact]
    public void AnswersArePrefilledWhenChanging()
    {
        var card = Json(PollCards.Questions(Context("de"), 1, MyAnswers, [], null)).GetRawText();
        Assert.Contains("\"id\":\"q1.klima-1\"", card);
        Assert.Contains("\"value\":\"4\"", card);
        Assert.Contains("\"value\":\"na\"", card);
        Assert.Contains("\"value\":\"a,c\"", card);
    }

    [Fact]
    public void EveryInputIdOfACardIsOneThePollReads()
    {
        var context = Context("de");
        var inputs = new List<string>();
        for (var page = 1; page <= PollCards.PageCount(context.Poll); page++)
        {
            CollectIds(Json(PollCards.Questions(context, page, [], [], null)), inputs);
        }
        var expected = context.Poll.Questions.SelectMany(PollSubmission.InputIds).Order().ToList();
        Assert.Equal(expected, inputs.Order().ToList());
    }

    [Fact]
    public void GroupChatCardsRefreshByHandAndActionsFallBackToSubmit()
    {
        var card = Json(PollCards.Questions(Context("de"), 1, [], [], refreshUserIds: []));
        Assert.Equal(0, card.GetProperty("refresh").GetProperty("userIds").GetArrayLength());
        Assert.Equal(PollCards.RefreshVerb, card.GetProperty("refresh").GetProperty("action").GetProperty("verb").GetString());
        var text = card.GetRawText();
        Assert.Contains("\"type\":\"Action.Execute\"", text);
        Assert.Contains("\"fallback\":{\"type\":\"Action.Submit\"", text);
    }

    [Fact]
    public void MoreThanSixtyRefreshUsersFallBackToManualRefresh()
    {
        var many = Enumerable.Range(0, 61).Select(i => $"29:{i}").ToList();
        var card = Json(PollCards.Answered(Context("de"), MyAnswers, null, many));
        Assert.Equal(0, card.GetProperty("refresh").GetProperty("userIds").GetArrayLength());
    }

    private static void CollectIds(JsonElement element, List<string> ids)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            {
                ids.Add(element.GetProperty("id").GetString()!);
            }
            foreach (var property in element.EnumerateObject())
            {
                CollectIds(property.Value, ids);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectIds(item, ids);
            }
        }
    }
}
