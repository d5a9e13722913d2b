using System.Net;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Tab.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Polls;

/// <summary>The polls page in Chromium: an organizer builds, previews and sends a poll; a reviewer reads only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PollsPageTests(BrowserApp browser, PollsBrowserApp app) : IClassFixture<PollsBrowserApp>
{
    private static readonly string[] GoalTexts =
    [
        "Bergkamen wird bis 2045 klimaneutral.",
        "Stadtquartiere sind auf Hitze und Starkregen vorbereitet.",
        "Die Verwaltung geht bei Energie und Gebäuden mit gutem Beispiel voran.",
    ];

    private async Task<TabPage> OpenAsync(string person, string path = "/tab/dashboard/umfragen")
    {
        var tab = await TabPage.OpenAsync(browser, app.BaseUrl);
        await tab.GoToAsync(path, person);
        return tab;
    }

    /// <summary>Fills the form with a three-goal rating poll for the whole planning office.</summary>
    private static async Task FillThreeGoalRatingPollAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Umfrage" }).ClickAsync();
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Baustein").SelectOptionAsync("workshop-1");
        var question = page.Locator("fieldset.question").First;
        await question.GetByLabel("Frage", new() { Exact = true }).FillAsync("Wie wichtig ist Ihnen dieses Ziel?");
        foreach (var goal in GoalTexts)
        {
            await question.GetByLabel(goal).CheckAsync();
        }
        await page.GetByLabel("Ein Dezernat oder Amt").CheckAsync();
        await page.GetByLabel("Dezernat oder Amt", new() { Exact = true }).SelectOptionAsync("sta-61");
        await page.GetByLabel("Frist").FillAsync("2099-07-01T17:30");
    }

    [Fact]
    public async Task AnOrganizerPreviewsAThreeGoalRatingPollAsTheRendererDrawsItAndSendsIt()
    {
        await using var tab = await OpenAsync(SeededPeople.OrganizerName);
        var page = tab.Page;
        await FillThreeGoalRatingPollAsync(page, "Klima – drei Ziele");

        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau der Karte" }).ClickAsync();
        var card = page.Locator(".card-frame .ac-adaptiveCard");
        await card.WaitForAsync();
        // Drawn by adaptivecards: the title, one labelled 1–5 choice set per goal, all read-only, and the card's action.
        await Assertions.Expect(card.GetByText("Klima – drei Ziele")).ToBeVisibleAsync();
        foreach (var goal in GoalTexts)
        {
            await Assertions.Expect(card.GetByText(goal)).ToBeVisibleAsync();
        }
        var radios = card.Locator("input[type=radio]");
        await Assertions.Expect(radios).ToHaveCountAsync(15);
        Assert.True(await radios.EvaluateAllAsync<bool>("els => els.every(e => e.disabled)"));
        await Assertions.Expect(card.Locator("button.ac-pushButton")).ToBeDisabledAsync();
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        await tab.ScreenshotAsync("polls-vorschau");

        await page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf speichern" }).ClickAsync();
        var detail = page.Locator(".poll-detail");
        await Assertions.Expect(detail.GetByRole(AriaRole.Heading, new() { Name = "Klima – drei Ziele" })).ToBeVisibleAsync();
        await Assertions.Expect(detail.Locator(".badge")).ToHaveTextAsync("Entwurf");
        await Assertions.Expect(detail).ToContainTextAsync("StA 61 Stadtplanungsamt");
        await Assertions.Expect(detail).ToContainTextAsync("01.07.2099, 17:30");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Senden" }).ClickAsync();
        await Assertions.Expect(detail.Locator(".badge").First).ToHaveTextAsync("Offen");
        var pollId = new Uri(page.Url).Query.Split("poll=")[1].Split('&')[0];
        Assert.Contains(("send", pollId), app.Delivery.Calls);
        await Assertions.Expect(detail.Locator(".delivery-report dd[data-field=total]")).ToHaveTextAsync("3");
        var notReached = detail.GetByRole(AriaRole.List, new() { Name = "Nicht erreicht (2)" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(notReached).ToHaveTextAsync([
            "Bernd Fiktiva: hat kein Teams (keine Lizenz oder kein Postfach)",
            "Clara Muster-Kamp: die App ist für diese Person durch eine Richtlinie gesperrt"]);
        await Assertions.Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Abschließen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".poll-list")).ToContainTextAsync("Klima – drei Ziele");
        await tab.AssertNoRenderingLeftoversAsync();
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        await tab.ScreenshotAsync("polls");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task TheFormListsEveryProblemTheServerFindsAndStoresNothing()
    {
        await using var tab = await OpenAsync(SeededPeople.OrganizerName);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Umfrage" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf speichern" }).ClickAsync();
        var errors = page.Locator(".poll-form .form-error");
        await Assertions.Expect(errors).ToContainTextAsync("Titel: darf nicht leer sein");
        await Assertions.Expect(errors).ToContainTextAsync("Frage 1 – Ziele: 1 bis 10 Ziele");
        await Assertions.Expect(errors).ToContainTextAsync("Zielgruppe: 1 bis 5000 Personen");
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        await tab.ScreenshotAsync("polls-fehler");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AReviewerSeesPollsButNoCreateButtonAndTheApiRefusesThem()
    {
        await using var tab = await OpenAsync(SeededPeople.ReviewerName);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Umfragen", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Alle Umfragen" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Neue Umfrage" })).ToHaveCountAsync(0);

        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await tab.TokenAsync();
        var create = await client.SendAsync(HttpMethod.Post, "/api/polls", token, PollDrafts.Rating());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        Assert.Empty(tab.Problems);
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("contrast")]
    public async Task ThePollsPageWithResultsHasNoSeriousViolationInEveryTheme(string theme)
    {
        await using var tab = await OpenAsync(SeededPeople.OrganizerName, $"/tab/dashboard/umfragen?theme={theme}");
        await FillThreeGoalRatingPollAsync(tab.Page, $"Thema {theme}");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf speichern" }).ClickAsync();
        await tab.Page.Locator(".poll-detail").GetByRole(AriaRole.Button, new() { Name = "Senden" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator(".results table.distribution").First).ToBeVisibleAsync();
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AnOrganizerHidesACommentWithAReasonAndAReviewerNoLongerSeesIt()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var organizer = await client.DevSignInAsync(SeededPeople.Organizer);
        var created = await (await client.SendAsync(HttpMethod.Post, "/api/polls", organizer,
            PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff, SeededPeople.Reviewer, SeededPeople.OtherStaff, SeededPeople.ThirdStaff, SeededPeople.FourthStaff)))).JsonAsync();
        var pollId = created.GetProperty("id").GetString()!;
        await client.SendAsync(HttpMethod.Post, $"/api/polls/{pollId}/send", organizer);
        var service = app.Factory.Services.GetRequiredService<PollService>();
        foreach (var (person, klima, comment) in new[] { (SeededPeople.Staff, "4", "Mehr Radwege, bitte."), (SeededPeople.Reviewer, "5", "Herr X im Amt bremst alles.") })
        {
            var outcome = await service.AnswerAsync(pollId, ["q1", "q2"], new Dictionary<string, string?> { ["q1.klima-1"] = klima, ["q1.wohnen-1"] = "3", ["q2"] = comment },
                person, "local", null, AnswerChannel.Chat, CancellationToken.None);
            Assert.True(outcome.Accepted);
        }

        // Two people: below the minimum group size the page says so and shows neither figures nor comments.
        await using (var tab = await OpenAsync(SeededPeople.OrganizerName, $"/tab/dashboard/umfragen?poll={pollId}"))
        {
            var results = tab.Page.Locator(".results");
            await Assertions.Expect(results.Locator(".goal-result").First).ToContainTextAsync("noch zu wenige Antworten (Ergebnisse ab 5 Personen)");
            await Assertions.Expect(results).Not.ToContainTextAsync("4,5");
            await Assertions.Expect(results).Not.ToContainTextAsync("Herr X");
            Assert.Empty(tab.Problems);
        }
        foreach (var person in new[] { SeededPeople.OtherStaff, SeededPeople.ThirdStaff, SeededPeople.FourthStaff })
        {
            Assert.True((await service.AnswerAsync(pollId, ["q1", "q2"], new Dictionary<string, string?> { ["q1.klima-1"] = "3", ["q1.wohnen-1"] = "3", ["q2"] = "Sachlich" },
                person, "local", null, AnswerChannel.Chat, CancellationToken.None)).Accepted);
        }

        await using (var tab = await OpenAsync(SeededPeople.OrganizerName, $"/tab/dashboard/umfragen?poll={pollId}"))
        {
            var results = tab.Page.Locator(".results");
            await Assertions.Expect(results).ToContainTextAsync("5 Personen haben geantwortet.");
            await Assertions.Expect(results.Locator(".goal-result").First).ToContainTextAsync("3,6");
            var comment = results.Locator("li.comment", new() { HasText = "Herr X" });
            await comment.GetByRole(AriaRole.Button, new() { Name = "Ausblenden" }).ClickAsync();
            await comment.GetByLabel("Grund für das Ausblenden").FillAsync("Nennt eine Person");
            await comment.GetByRole(AriaRole.Button, new() { Name = "Kommentar ausblenden" }).ClickAsync();
            var hidden = results.Locator("li.comment", new() { HasText = "Herr X" });
            await Assertions.Expect(hidden).ToContainTextAsync("Grund: Nennt eine Person");
            await Assertions.Expect(hidden.GetByRole(AriaRole.Button, new() { Name = "Wieder zeigen" })).ToBeVisibleAsync();
            Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
            await tab.ScreenshotAsync("polls-ergebnisse");
            Assert.Empty(tab.Problems);
        }

        await using (var tab = await OpenAsync(SeededPeople.ReviewerName, $"/tab/dashboard/umfragen?poll={pollId}"))
        {
            var results = tab.Page.Locator(".results");
            await Assertions.Expect(results).ToContainTextAsync("Mehr Radwege, bitte.");
            await Assertions.Expect(results).Not.ToContainTextAsync("Herr X");
            await Assertions.Expect(results.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            Assert.Empty(tab.Problems);
        }
    }
}
