using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Results;

/// <summary>
/// The minimum group size and the organizers' hidden comments, checked at every reader of one local-mode app: poll
/// results, the results page, the exports, the store's summaries and the evaluation.
/// </summary>
public sealed class ResultReadersPrivacyTests : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    private const string Reviewer = "b419bdba-9fac-59f2-94ae-477b23679514";
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"leitbild-privacy-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _organizer = null!;
    private HttpClient _reviewer = null!;
    private PollService _polls = null!;
    private Organisation _organisation = null!;

    public async Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Leitbild:DatabasePath", _databasePath));
        _organizer = _app.CreateClient();
        await _organizer.SignInAsync(DevSignIn.Organizer);
        _reviewer = _app.CreateClient();
        await _reviewer.SignInAsync(Reviewer);
        _polls = _app.Services.GetRequiredService<PollService>();
        _organisation = await _app.Services.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _organizer.Dispose();
        _reviewer.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private Person Staff(int i) => _organisation.People.Where(p => !p.IsGuest).ElementAt(10 + i);

    private async Task<Poll> OpenAnonymousLivePollAsync(PollAudience? audience = null)
    {
        var draft = new PollDraft
        {
            PhaseId = "workshop-1",
            Title = new("Zieldiskussion Klima", "Goal discussion climate"),
            Questions =
            [
                new Question { Id = "q1", Kind = QuestionKind.GoalRating, Prompt = new("Wie wichtig?", "How important?"), GoalIds = ["klima-1"] },
                new Question { Id = "q2", Kind = QuestionKind.FreeText, Prompt = new("Was fehlt?", "What is missing?"), GoalIds = ["klima-1"], MaxLength = 200 },
            ],
            Settings = new PollSettings { Anonymous = true, Visibility = ResultsVisibility.Live },
            Audience = audience ?? PollAudience.AllInstalled,
        };
        var poll = await _polls.CreateAsync(draft, DevSignIn.Organizer, CancellationToken.None);
        Assert.True(await _polls.OpenAsync(poll.Id, CancellationToken.None));
        return poll;
    }

    private async Task AnswerAsync(Poll poll, Person person, string rating, string comment) =>
        Assert.True((await _polls.AnswerAsync(poll.Id, ["q1", "q2"], new Dictionary<string, string?> { ["q1.klima-1"] = rating, ["q2"] = comment },
            person.Id, Tenant, null, AnswerChannel.Chat, CancellationToken.None)).Accepted);

    private async Task<JsonElement> GetAsync(HttpClient client, string url) => await client.GetFromJsonAsync<JsonElement>(url);

    private static JsonElement Goal(JsonElement overview, string goalId) =>
        overview.GetProperty("fieldsOfAction").EnumerateArray().SelectMany(f => f.GetProperty("goals").EnumerateArray()).Single(g => g.GetProperty("id").GetString() == goalId);

    /// <summary>Waits until the outbox worker has delivered this many answers of the poll to the results store.</summary>
    private async Task DeliveredAsync(Poll poll, int answers)
    {
        var store = _app.Services.GetRequiredService<IResultsStore>();
        await ResultsOutboxTests.Eventually(() => store.ReadAnswersAsync(new AnswerQuery { PollId = poll.Id, PageSize = 500 }, CancellationToken.None)
            .GetAwaiter().GetResult().Answers.Count >= answers);
    }

    [Fact]
    public async Task TheSecondPersonAnsweringAnAnonymousLivePollDoesNotSeeTheFirstOnesAnswer()
    {
        var poll = await OpenAnonymousLivePollAsync();
        await AnswerAsync(poll, Staff(0), "1", "Viel zu teuer");
        await AnswerAsync(poll, Staff(1), "5", "Gut");

        // What the second person's card shows (the bot asks the same service for live results).
        var results = (await _polls.ResultsAsync(poll.Id, includeHiddenComments: false, CancellationToken.None))!;

        var goal = results.Questions[0].Goals.Single();
        Assert.True(goal.TooFewRespondents);
        Assert.Equal([0, 0, 0, 0, 0], goal.Distribution);
        Assert.Null(goal.MeanRating);
        Assert.Empty(results.Questions[1].Comments);
    }

    [Fact]
    public async Task AnAnonymousPollSentToOnePersonShowsAReviewerNoRating()
    {
        var person = Staff(0);
        var poll = await OpenAnonymousLivePollAsync(PollAudience.People(person.Id));
        await AnswerAsync(poll, person, "2", "Nur ich");

        var view = await GetAsync(_reviewer, $"/api/polls/{poll.Id}/results");
        await DeliveredAsync(poll, 2);
        var overview = await GetAsync(_reviewer, "/api/results/overview");

        var goal = view.GetProperty("questions")[0].GetProperty("goals")[0];
        Assert.True(goal.GetProperty("tooFewRespondents").GetBoolean());
        Assert.Equal(0, goal.GetProperty("ratingCount").GetInt32());
        Assert.False(goal.TryGetProperty("meanRating", out var mean) && mean.ValueKind != JsonValueKind.Null);
        Assert.Empty(view.GetProperty("questions")[1].GetProperty("comments").EnumerateArray());
        var onPage = Goal(overview, "klima-1");
        Assert.True(onPage.GetProperty("tooFewRespondents").GetBoolean());
        Assert.Empty(onPage.GetProperty("comments").EnumerateArray());
        Assert.False(onPage.TryGetProperty("meanRating", out var pageMean) && pageMean.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task AnOfficeWithFourRespondentsShowsNothingForThatOfficeOnTheResultsPage()
    {
        var answers = Enumerable.Range(1, 6).Select(n => Samples.Rating(n, 5, department: "sta-61"))
            .Concat(Enumerable.Range(7, 4).Select(n => Samples.Rating(n, 1, department: "sta-20")))
            .Concat(Enumerable.Range(11, 5).Select(n => Samples.Rating(n, 3, department: null)))
            .ToList();
        await _app.Services.GetRequiredService<IResultsStore>().UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

        var goal = Goal(await GetAsync(_reviewer, "/api/results/overview"), "klima-1");

        Assert.Equal(["sta-61"], goal.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.True(goal.GetProperty("departmentsWithheld").GetBoolean());
        Assert.Equal(15, goal.GetProperty("respondentCount").GetInt32());
    }

    [Fact]
    public async Task ACommentHiddenByAnOrganizerIsHiddenInEveryReaderButTheModerationView()
    {
        var poll = await OpenAnonymousLivePollAsync();
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(poll, Staff(i), "4", i == 0 ? "Beleidigender Kommentar" : "Sachlich " + i);
        }
        var target = (await _polls.ResultsAsync(poll.Id, true, CancellationToken.None))!.Questions[1].Comments.Single(c => c.Text.StartsWith("Beleidigend", StringComparison.Ordinal));
        var moderation = await _organizer.PostAsJsonAsync($"/api/polls/{poll.Id}/comments/{target.Id}/moderation", new { hidden = true, reason = "beleidigend" });
        moderation.EnsureSuccessStatusCode();
        await DeliveredAsync(poll, 10);

        var forReviewers = await GetAsync(_reviewer, $"/api/polls/{poll.Id}/results");
        var moderationView = await GetAsync(_organizer, $"/api/polls/{poll.Id}/results");
        var overview = await GetAsync(_reviewer, "/api/results/overview");
        var rawCsv = Encoding.UTF8.GetString(await _organizer.GetByteArrayAsync($"/api/results/export.csv?poll={poll.Id}"));
        var summaryCsv = Encoding.UTF8.GetString(await _organizer.GetByteArrayAsync($"/api/results/export.csv?poll={poll.Id}&view=summary"));
        var xlsx = await _organizer.GetByteArrayAsync($"/api/results/export.xlsx?poll={poll.Id}");
        var summary = await _app.Services.GetRequiredService<IResultsStore>().ReadGoalSummaryAsync("klima-1", CancellationToken.None);

        Assert.DoesNotContain(forReviewers.GetProperty("questions")[1].GetProperty("comments").EnumerateArray(), c => c.GetProperty("text").GetString()!.StartsWith("Beleidigend", StringComparison.Ordinal));
        Assert.Equal(4, forReviewers.GetProperty("questions")[1].GetProperty("comments").GetArrayLength());
        var hidden = moderationView.GetProperty("questions")[1].GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("hidden").GetBoolean());
        Assert.Equal("beleidigend", hidden.GetProperty("hiddenReason").GetString());
        Assert.DoesNotContain("Beleidigend", Goal(overview, "klima-1").GetProperty("comments").ToString(), StringComparison.Ordinal);
        Assert.Equal(4, Goal(overview, "klima-1").GetProperty("comments").GetArrayLength());
        Assert.DoesNotContain("Beleidigend", rawCsv, StringComparison.Ordinal);
        Assert.Contains("Sachlich 1", rawCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Beleidigend", summaryCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Beleidigend", XlsxText(xlsx), StringComparison.Ordinal);
        Assert.DoesNotContain(summary.Comments, c => c.StartsWith("Beleidigend", StringComparison.Ordinal));
        Assert.Equal(10, summary.AnswerCount);
    }

    [Fact]
    public async Task ACommentHiddenByAnOrganizerIsLeftOutOfTheEvaluation()
    {
        var poll = await OpenAnonymousLivePollAsync();
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(poll, Staff(i), "4", i == 0 ? "Beleidigender Kommentar" : "Sachlich " + i);
        }
        var target = (await _polls.ResultsAsync(poll.Id, true, CancellationToken.None))!.Questions[1].Comments.Single(c => c.Text.StartsWith("Beleidigend", StringComparison.Ordinal));
        Assert.True(await _polls.ModerateCommentAsync(poll.Id, target.Id, true, "beleidigend", DevSignIn.Organizer, CancellationToken.None));
        await DeliveredAsync(poll, 10);

        var evaluation = await _app.Services.GetRequiredService<Core.Evaluation.EvaluationService>().EvaluateAsync(CancellationToken.None);

        Assert.NotNull(evaluation);
        var goal = evaluation.AllGoals.Single(g => g.GoalId == "klima-1");
        Assert.Equal(4, goal.Polls.Comments.Count);
        Assert.DoesNotContain(goal.Polls.Comments, c => c.StartsWith("Beleidigend", StringComparison.Ordinal));
    }

    private static string XlsxText(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        return string.Concat(document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet.InnerText));
    }
}
