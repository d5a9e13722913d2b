using System.Net;
using System.Text;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>
/// The results page in Chromium with answers given the way the bot gives them: into the outbox, which the app's worker
/// delivers to the results store. Reviewers read; organizers also export.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResultsPageTests(BrowserApp app)
{
    private const string Goal = "Bergkamen wird bis 2045 klimaneutral.";

    private static Answer Answer(int person, AnswerValue value, string? department, string question = "bewertung") => new()
    {
        PollId = "umfrage-klima",
        QuestionId = question,
        GoalId = "klima-1",
        FieldOfActionId = "klima",
        Value = value,
        DepartmentId = department,
        RespondentKey = new Guid(person, 9, 9, new byte[8]).ToString("D"),
        AnsweredAt = DateTimeOffset.UtcNow.AddMinutes(-60 + person),
        PhaseId = "evaluation",
        Channel = AnswerChannel.Chat,
        AppVersion = "0.1.0",
    };

    /// <summary>
    /// 19 people: 8 from StA 61 and 6 from StA 10 (both shown), 1 from StA 20 (too few) and 4 without an office, so the
    /// rest (StA 20 and no office) holds 5 and cannot be used to work out StA 20 alone; two comments.
    /// </summary>
    private async Task AnswersThroughTheOutboxAsync()
    {
        var outbox = app.Factory.Services.GetRequiredService<IResultsOutbox>();
        var answers = Enumerable.Range(1, 8).Select(n => Answer(n, AnswerValue.OfRating(n <= 5 ? 5 : 4), "sta-61"))
            .Concat(Enumerable.Range(9, 6).Select(n => Answer(n, AnswerValue.OfRating(n == 9 ? 1 : 3), "sta-10")))
            .Append(Answer(15, AnswerValue.OfRating(2), "sta-20"))
            .Concat(Enumerable.Range(16, 4).Select(n => Answer(n, AnswerValue.None, null)))
            .Append(Answer(2, AnswerValue.OfText("Mehr Photovoltaik auf städtischen Dächern."), "sta-61", "kommentar"))
            .Append(Answer(10, AnswerValue.OfText("Radwege zuerst!"), "sta-10", "kommentar"))
            .ToList();
        foreach (var answer in answers)
        {
            await outbox.EnqueueAsync(answer, CancellationToken.None);
        }
        var store = app.Factory.Services.GetRequiredService<IResultsStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await store.ReadGoalSummaryAsync("klima-1", CancellationToken.None)).AnswerCount < answers.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox worker did not deliver the answers within a minute");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task AReviewerSeesChartsDepartmentsAndCommentsButNoExportAndTheApiRefusesTheExport()
    {
        await AnswersThroughTheOutboxAsync();
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard/ergebnisse", SeededPeople.ReviewerName);

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ergebnisse");
        var goal = tab.Page.Locator("article.goal").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = Goal }) });
        var chart = goal.GetByRole(AriaRole.List, new() { Name = $"Verteilung der Bewertungen: {Goal}" });
        await Assertions.Expect(chart.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        await Assertions.Expect(chart.GetByRole(AriaRole.Listitem).Nth(4)).ToHaveTextAsync("5 – stimme voll zu5 (33 %)");
        await Assertions.Expect(chart.GetByRole(AriaRole.Listitem).Nth(2)).ToHaveTextAsync("3 – teils, teils5 (33 %)");
        // The longest bar belongs to the most frequent rating, drawn through the CSSOM (the CSP forbids style attributes).
        Assert.Equal("100%", await chart.Locator(".bar-5").EvaluateAsync<string>("bar => bar.style.width"));
        Assert.Equal("20%", await chart.Locator(".bar-1").EvaluateAsync<string>("bar => bar.style.width"));
        var departments = goal.GetByRole(AriaRole.Table, new() { Name = $"Nach Ämtern: {Goal}" });
        await Assertions.Expect(departments.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(departments).ToContainTextAsync("StA 61 Stadtplanungsamt");
        await Assertions.Expect(departments).Not.ToContainTextAsync("StA 20");
        await Assertions.Expect(goal.GetByText("Ämter mit weniger als 5 Personen werden nicht einzeln gezeigt", new() { Exact = false })).ToBeVisibleAsync();
        await goal.GetByText("Kommentare (2)").ClickAsync();
        await Assertions.Expect(goal.GetByText("Radwege zuerst!")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Rückmeldungen (CSV)" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("SharePoint") })).ToHaveCountAsync(0);
        await tab.AssertNoRenderingLeftoversAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("ergebnisse-diagramme");

        var token = await tab.TokenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api.SendAsync(HttpMethod.Get, "/api/results/export.csv", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api.SendAsync(HttpMethod.Get, "/api/results/parked", token)).StatusCode);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AGoalThreePeopleAnsweredSaysNotEnoughAnswersInsteadOfFigures()
    {
        var store = app.Factory.Services.GetRequiredService<IResultsStore>();
        var answers = Enumerable.Range(101, 3).Select(n => Answer(n, AnswerValue.OfRating(1), "sta-61") with { GoalId = "wohnen-2", FieldOfActionId = "wohnen" }).ToList();
        await store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard/ergebnisse", SeededPeople.ReviewerName);

        var goal = tab.Page.Locator("article.goal").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Neue Wohnungen entstehen vorrangig im Bestand und auf Brachflächen." }) });
        await Assertions.Expect(goal).ToContainTextAsync("noch zu wenige Antworten (Ergebnisse ab 5 Personen)");
        await Assertions.Expect(goal.GetByRole(AriaRole.List)).ToHaveCountAsync(0);
        await Assertions.Expect(goal.Locator("table")).ToHaveCountAsync(0);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AnOrganizerDownloadsTheAnswersAsCsvAndXlsx()
    {
        await AnswersThroughTheOutboxAsync();
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard/ergebnisse?theme=dark", SeededPeople.OrganizerName);

        var csv = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Rückmeldungen (CSV)" }).ClickAsync());
        Assert.Equal("leitbild-alle-antworten-answers.csv", csv.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!)).TrimStart('\uFEFF');
        Assert.StartsWith("Umfrage;Frage;Ziel;Handlungsfeld;", text);
        Assert.Contains("Radwege zuerst!", text);
        var xlsx = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Beides als Excel-Arbeitsmappe (XLSX)" }).ClickAsync());
        Assert.Equal("leitbild-alle-antworten.xlsx", xlsx.SuggestedFilename);
        Assert.Equal("PK", Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await xlsx.PathAsync())!))[..2]));
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Heruntergeladen" })).ToHaveTextAsync("Heruntergeladen: leitbild-alle-antworten.xlsx");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("ergebnisse-export-dunkel");
        Assert.Empty(tab.Problems);
    }
}
