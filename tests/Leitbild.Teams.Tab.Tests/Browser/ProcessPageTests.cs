using System.Net;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>The Process page in Chromium: organizers edit a phase, reviewers only read, staff are sent to Mein Leitbild.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcessPageTests(BrowserApp app)
{
    private static ILocator Phase(IPage page, string title) =>
        page.Locator(".timeline > li").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    [Fact]
    public async Task InMicrosoft365ModeOrganizersSeeWhoIsWithoutAnOfficeAndWhetherTheLastSyncFailed()
    {
        await using var tab = await TabPage.OpenAsync(app);
        // The server side of /api/directory runs in Microsoft365EndToEndTests against the Graph simulator; here the
        // page gets that answer's shape so its rendering can be checked in the browser.
        await tab.Page.RouteAsync("**/api/directory", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """
                {"source":"entra","people":60,
                 "unplaced":[
                   {"id":"e58","displayName":"Mitarbeitende 58","email":"m58@bergkamen.example","jobTitle":"Sachbearbeitung","entraDepartment":"Stadtplanung (neu)","isGuest":false},
                   {"id":"e59","displayName":"Moderatorin Extern","email":"ext@partner.example","jobTitle":null,"entraDepartment":null,"isGuest":true}],
                 "sync":{"attemptedAt":"2026-12-04T09:00:00Z","ok":false,"error":"graph-503","fullSync":false,"lastGoodSync":"2026-12-04T08:00:00Z"}}
                """,
        }));
        await tab.GoToAsync("/tab/dashboard", SeededPeople.OrganizerName);

        var section = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Verzeichnis aus Entra ID" });
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Ohne Amt (2)" })).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByText("60 Personen, zuletzt erfolgreich abgeglichen: 04.12.2026, 09:00")).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToContainTextAsync("Der letzte Abgleich ist fehlgeschlagen");
        var rows = section.GetByRole(AriaRole.Table, new() { Name = "Ohne Amt (2)" }).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Mitarbeitende 58Stadtplanung (neu)Sachbearbeitung");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Moderatorin Extern (Gast)(keine)");
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task InLocalModeTheTemplateIsTheDirectoryAndNoSyncSectionIsShown()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.OrganizerName);
        await Assertions.Expect(tab.Page.Locator(".timeline > li")).ToHaveCountAsync(6);
        var directory = await app.Api.SendAsync(HttpMethod.Get, "/api/directory", await tab.TokenAsync());
        Assert.Equal("template", (await directory.JsonAsync()).GetProperty("source").GetString());
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = "Verzeichnis aus Entra ID" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnOrganizerSignsInEditsAPhaseDateAndTheTimelineShowsIt()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.OrganizerName);
        Assert.EndsWith("/tab/dashboard", tab.Page.Url);
        await Assertions.Expect(tab.Page.Locator(".user")).ToContainTextAsync(SeededPeople.OrganizerName);
        await Assertions.Expect(tab.Page.GetByText("Federführung: StA 61 Stadtplanungsamt")).ToBeVisibleAsync();

        var workshop = Phase(tab.Page, "Workshop 1 – Zieldiskussion");
        await workshop.GetByRole(AriaRole.Button, new() { Name = "Termine bearbeiten: Workshop 1 – Zieldiskussion" }).ClickAsync();
        await workshop.GetByLabel("Geplanter Beginn").FillAsync("2024-05-21");
        await workshop.GetByLabel("Geplantes Ende").FillAsync("2024-05-22");
        await workshop.GetByLabel("Tatsächlicher Beginn").FillAsync("2024-05-21");
        await workshop.GetByLabel("Tatsächliches Ende").FillAsync("2024-05-22");
        await workshop.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("done");
        await workshop.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        await Assertions.Expect(workshop.Locator("dd[data-field='planned']")).ToHaveTextAsync("21.05.2024 – 22.05.2024");
        await Assertions.Expect(workshop.Locator("dd[data-field='actual']")).ToHaveTextAsync("21.05.2024 – 22.05.2024");
        await Assertions.Expect(workshop.Locator("form")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert" })).ToHaveTextAsync("Gespeichert: Workshop 1 – Zieldiskussion");

        // Stored, not only drawn: a fresh load and the API agree.
        await tab.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await tab.WaitUntilReadyAsync();
        await Assertions.Expect(Phase(tab.Page, "Workshop 1 – Zieldiskussion").Locator("dd[data-field='planned']")).ToHaveTextAsync("21.05.2024 – 22.05.2024");
        Assert.Empty(tab.Problems);

        // Put the seeded dates back: the screenshots of the same app show the template as shipped.
        var restored = await app.Api.SendAsync(HttpMethod.Put, "/api/tab/process/phases/workshop-1", await tab.TokenAsync(),
            new { plannedStart = "2024-05-14", plannedEnd = "2024-05-14", status = "done" });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsShownAtTheFieldAndNothingIsSaved()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.OrganizerName);
        var extension = Phase(tab.Page, "Ausweitung auf Gesamtverwaltung, Politik und Öffentlichkeit");
        var before = await extension.Locator("dd[data-field='planned']").TextContentAsync();

        await extension.GetByRole(AriaRole.Button, new() { NameRegex = new("^Termine bearbeiten") }).ClickAsync();
        await extension.GetByLabel("Geplantes Ende").FillAsync("2024-12-31");
        await extension.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        var end = extension.GetByLabel("Geplantes Ende");
        await Assertions.Expect(end).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(end).ToHaveAccessibleDescriptionAsync("Das geplante Ende (31.12.2024) liegt vor dem geplanten Beginn (13.01.2025).");
        await Assertions.Expect(end).ToBeFocusedAsync();
        await Assertions.Expect(extension.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Die Änderung wurde nicht gespeichert.");
        await tab.ScreenshotAsync("prozess-fehler");

        await tab.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await tab.WaitUntilReadyAsync();
        Assert.Equal(before, await Phase(tab.Page, "Ausweitung auf Gesamtverwaltung, Politik und Öffentlichkeit").Locator("dd[data-field='planned']").TextContentAsync());
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AReviewerSeesNoEditButtonAndTheApiRefusesTheirEdit()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.ReviewerName);
        await Assertions.Expect(tab.Page.Locator(".timeline > li")).ToHaveCountAsync(6);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("Termine bearbeiten") })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByText("Termine ändert das Planungsbüro.")).ToBeVisibleAsync();

        // The same person's token, straight to the API, as a crafted request would be.
        var token = await tab.TokenAsync();
        var response = await app.Api.SendAsync(HttpMethod.Put, "/api/tab/process/phases/workshop-2", token,
            new { plannedStart = "2024-06-25", plannedEnd = "2024-06-25", status = "done" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task StaffOnTheDashboardAreToldItIsNotForThemAndPointedToMeinLeitbild()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.StaffName);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Diese Ansicht ist für das Planungsbüro und die Amtsleitungen.");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Zu Mein Leitbild" }).ClickAsync();
        await tab.WaitUntilReadyAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Mein Leitbild", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task TheDashboardNavigatesToEverySectionAndNoneIsAPlaceholder()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.OrganizerName);
        var nav = tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Bereiche", Exact = true });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Prozess", "Interviews & Workshops", "Umfragen", "Ergebnisse"]);
        foreach (var section in new[] { "Interviews & Workshops", "Umfragen", "Ergebnisse" })
        {
            await nav.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            await tab.WaitUntilReadyAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = section, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await Assertions.Expect(tab.Page.GetByText("Diese Seite kommt mit")).ToHaveCountAsync(0);
        }
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task TheChannelTabShowsTheProcessResultsToReviewersAndSaysWhereResultsAppearToStaff()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/channel?process=bergkamen-leitbild-2024", SeededPeople.ReviewerName);
        var results = tab.Page.Locator("section[aria-labelledby=results-heading]");
        await Assertions.Expect(results.GetByRole(AriaRole.Heading, new() { Name = "Klimaschutz und Klimaanpassung" })).ToBeVisibleAsync();
        Assert.Empty(tab.Problems);

        await using var staff = await TabPage.OpenAsync(app);
        await staff.GoToAsync("/tab/channel?process=bergkamen-leitbild-2024", SeededPeople.StaffName);
        await Assertions.Expect(staff.Page.GetByText("Die Ergebnisse sehen hier die Amtsleitungen und die Prozessleitung.")).ToBeVisibleAsync();
        Assert.Empty(staff.Problems);
    }

    [Fact]
    public async Task TheConfigurationPageOutsideTeamsLinksToTheChannelViewOfTheChosenProcess()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/config", SeededPeople.StaffName);
        await tab.Page.GetByLabel("Prozess").SelectOptionAsync("bergkamen-leitbild-2024");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Kanalansicht öffnen" }).ClickAsync();
        await tab.WaitUntilReadyAsync();
        Assert.EndsWith("/tab/channel?process=bergkamen-leitbild-2024", tab.Page.Url);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leitbildprozess Bergkamen 2024");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("Termine bearbeiten") })).ToHaveCountAsync(0);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task InMicrosoft365ModeABrowserOutsideTeamsIsAskedToOpenTeamsAndOffersNoSignIn()
    {
        using var tokens = new EntraTokens();
        await using var microsoft365 = TabAppFactory.Microsoft365(tokens);
        var baseUrl = BrowserApp.StartOnKestrel(microsoft365);
        await using var tab = await TabPage.OpenAsync(app, baseUrl);
        await tab.GoToAsync("/tab/mein-leitbild");
        Assert.EndsWith("/tab/mein-leitbild", tab.Page.Url);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Bitte öffnen Sie Leitbild in Microsoft Teams, Outlook oder der Microsoft 365-App.");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Person wechseln" })).ToHaveCountAsync(0);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task EnglishIsChosenWithTheLanguageLinkAndKeptAcrossPages()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.ReviewerName);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await tab.WaitUntilReadyAsync();
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Process");
        await Assertions.Expect(tab.Page.Locator(".timeline > li").First.Locator("dd[data-field='planned']")).ToHaveTextAsync("11 Mar 2024 – 26 Apr 2024");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Results" }).ClickAsync();
        await tab.WaitUntilReadyAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Results");
        Assert.Empty(tab.Problems);
    }
}
