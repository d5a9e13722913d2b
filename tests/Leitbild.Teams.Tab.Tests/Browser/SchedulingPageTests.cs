using System.Net;
using System.Text.RegularExpressions;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>
/// Interviews &amp; Workshops and Mein Leitbild in Chromium: an organizer starts a campaign and books a proposal; staff book
/// their own proposal on Mein Leitbild; an organizer plans a workshop, votes and books it; reviewers only read.
/// Each test uses its own people, so tests sharing the app do not take each other's slots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchedulingPageTests(BrowserApp app)
{
    private const string Page = "/tab/dashboard/interviews-workshops";

    private static ILocator Picker(ILocator form, string legend) => form.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    private static async Task PickAsync(ILocator picker, string filter, string label)
    {
        await picker.GetByLabel("Liste filtern").FillAsync(filter);
        await picker.GetByLabel(label).CheckAsync();
    }

    private async Task<string> OrganizerTokenAsync() => await app.Api.DevSignInAsync(SeededPeople.Organizer);

    [Fact]
    public async Task AnOrganizerStartsACampaignAndBooksAProposalOnSomeonesBehalf()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync(Page, SeededPeople.OrganizerName);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Neue Interview-Kampagne" }).ClickAsync();
        var form = tab.Page.Locator("#campaign-form");
        await form.GetByLabel("Titel").FillAsync("Interviews Stadtplanung");
        await PickAsync(Picker(form, "Interviewer"), "Ria", SeededPeople.ModeratorRiaName);
        await PickAsync(Picker(form, "Interviewte"), "Dieter", SeededPeople.ThirdStaffName);
        await Assertions.Expect(Picker(form, "Interviewte").Locator(".picker-count")).ToHaveTextAsync("1 ausgewählt");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("interviews-neue-kampagne");

        await form.GetByRole(AriaRole.Button, new() { Name = "Kampagne starten" }).ClickAsync();

        var campaign = tab.Page.Locator("article.campaign").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Interviews Stadtplanung" }) });
        var row = campaign.Locator("tbody tr[id^='interview-']").Filter(new() { HasText = SeededPeople.ThirdStaffName });
        await Assertions.Expect(row).ToContainTextAsync("Vorschläge verschickt");
        await Assertions.Expect(campaign).ToContainTextAsync("Baustein");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "gestartet" }))
            .ToHaveTextAsync("„Interviews Stadtplanung“ gestartet: Vorschläge für 1 von 1 Personen.");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Vorschläge: {SeededPeople.ThirdStaffName}" }).ClickAsync();
        var book = campaign.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Buchen: .* für {SeededPeople.ThirdStaffName}$") });
        await Assertions.Expect(book).ToHaveCountAsync(3);
        await tab.AssertAccessibleAsync();
        await book.First.ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Gebucht");
        await Assertions.Expect(row).ToContainTextAsync(SeededPeople.ModeratorRiaName);
        await Assertions.Expect(campaign.Locator(".badge").First).ToHaveTextAsync("1 von 1 Interviews gebucht");
        var download = await tab.Page.RunAndWaitForDownloadAsync(() =>
            row.GetByRole(AriaRole.Button, new() { Name = $"Kalender (.ics): {SeededPeople.ThirdStaffName}" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename);
        Assert.StartsWith("BEGIN:VCALENDAR", await File.ReadAllTextAsync((await download.PathAsync())!));
        await tab.ScreenshotAsync("interviews-gebucht");

        // The campaign belongs to the interviews phase, so the Process page lists it under Termine.
        await tab.GoToAsync("/tab/dashboard");
        var phase = tab.Page.Locator(".timeline > li").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Interviews mit Beschäftigten der Verwaltung" }) });
        await Assertions.Expect(phase.GetByRole(AriaRole.Link, new() { Name = "Interviews Stadtplanung" })).ToBeVisibleAsync();
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AStaffMemberSeesTheirProposalsOnMeinLeitbildAndBooksOne()
    {
        var started = await app.Api.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns", await OrganizerTokenAsync(), new
        {
            title = "Interview zum Leitbild",
            interviewerIds = new[] { SeededPeople.ModeratorUdo },
            interviewees = new[] { SeededPeople.FourthStaff },
            durationMinutes = 45,
            windowStart = Days.FromToday(3),
            windowEnd = Days.FromToday(24),
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/mein-leitbild", SeededPeople.FourthStaffName);
        var appointments = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Meine Termine" });
        var item = appointments.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Interview zum Leitbild" });
        await Assertions.Expect(item).ToContainTextAsync("Bitte einen der Termine wählen");
        var choices = item.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Buchen: ") });
        await Assertions.Expect(choices).ToHaveCountAsync(3);
        await tab.AssertNoRenderingLeftoversAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("mein-leitbild-vorschlaege");

        var chosen = (await choices.First.TextContentAsync())!["Buchen: ".Length..];
        await choices.First.ClickAsync();

        item = appointments.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Interview zum Leitbild" });
        await Assertions.Expect(item).ToContainTextAsync("Gebucht");
        // The time on the button (written by the server) is the time now shown as booked (written by the page).
        await Assertions.Expect(item).ToContainTextAsync(chosen);
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Buchen: ") })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Meine Termine" })).ToBeFocusedAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Erledigt." })).ToHaveCountAsync(1);
        var download = await tab.Page.RunAndWaitForDownloadAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "In meinen Kalender (.ics)" }).ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("SUMMARY:Interview zum Leitbild", ics);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("mein-leitbild-termine");

        // The organizers' view shows the same booking at the time chosen.
        var overview = await (await app.Api.SendAsync(HttpMethod.Get, "/api/scheduling/overview", await OrganizerTokenAsync())).JsonAsync();
        var row = overview.GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("title").GetString() == "Interview zum Leitbild").GetProperty("interviews")[0];
        Assert.Equal("booked", row.GetProperty("status").GetString());
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AnOrganizerPlansAWorkshopSeesWhoIsFreeStartsAVoteAndBooksTheChosenTime()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync(Page, SeededPeople.OrganizerName);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Neuer Workshop" }).ClickAsync();
        var form = tab.Page.Locator("#workshop-form");
        await form.GetByLabel("Titel").FillAsync("Workshop 3 – Umsetzung");
        await PickAsync(Picker(form, "Pflicht-Teilnehmende"), "Udo", SeededPeople.ModeratorUdoName);
        await PickAsync(Picker(form, "Weitere Eingeladene"), "Stadtplanungsamt", "StA 61 Stadtplanungsamt");
        await form.GetByRole(AriaRole.Button, new() { Name = "Workshop anlegen und Termine suchen" }).ClickAsync();

        var workshop = tab.Page.Locator("article.workshop").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Workshop 3 – Umsetzung" }) });
        var slots = workshop.GetByRole(AriaRole.Table, new() { Name = "Beste Termine für Workshop 3 – Umsetzung" });
        await Assertions.Expect(slots.Locator("tbody tr")).ToHaveCountAsync(5);
        await slots.Locator("tbody tr").First.GetByText("Wer kann?").ClickAsync();
        await Assertions.Expect(slots.Locator("tbody tr").First.Locator(".attendance")).ToContainTextAsync(SeededPeople.ModeratorUdoName);
        await Assertions.Expect(slots.Locator("tbody tr").First.Locator(".attendance")).ToContainTextAsync("frei");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("workshop-termine");

        var boxes = slots.GetByRole(AriaRole.Checkbox);
        for (var i = 0; i < 3; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }
        await workshop.GetByRole(AriaRole.Button, new() { Name = "Abstimmung starten" }).ClickAsync();

        await Assertions.Expect(workshop.Locator(".badge").First).ToHaveTextAsync("Terminabstimmung läuft");
        var vote = workshop.GetByRole(AriaRole.Table, new() { Name = "Abstimmung über den Termin: Workshop 3 – Umsetzung" });
        await Assertions.Expect(vote.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(vote.Locator("tbody tr").First).ToContainTextAsync("0 / 1");
        await vote.Locator("tbody tr").Nth(1).GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(workshop.Locator(".badge").First).ToHaveTextAsync("Gebucht");
        await Assertions.Expect(workshop.GetByRole(AriaRole.Heading, new() { Name = "Zu- und Absagen" })).ToBeVisibleAsync();
        await Assertions.Expect(workshop).ToContainTextAsync("0 zugesagt");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("workshop-gebucht");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AReviewerSeesTheStatusWithoutOrganizerButtonsAndTheApiRefusesTheirChanges()
    {
        var started = await app.Api.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns", await OrganizerTokenAsync(), new
        {
            title = "Interviews für die Amtsleitung sichtbar",
            interviewerIds = new[] { SeededPeople.ModeratorUdo },
            interviewees = new[] { "sta-40" },
            durationMinutes = 30,
            windowStart = Days.FromToday(30),
            windowEnd = Days.FromToday(44),
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync(Page, SeededPeople.ReviewerName);
        var campaign = tab.Page.Locator("article.campaign").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Interviews für die Amtsleitung sichtbar" }) });
        await Assertions.Expect(campaign.GetByRole(AriaRole.Row)).ToHaveCountAsync(6);
        await Assertions.Expect(tab.Page.GetByText("Planen und buchen kann das Planungsbüro.")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Neue Interview-Kampagne" })).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Neuer Workshop" })).ToHaveCountAsync(0);
        await Assertions.Expect(campaign.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await tab.AssertNoRenderingLeftoversAsync();
        await tab.AssertAccessibleAsync();

        var token = await tab.TokenAsync();
        var response = await app.Api.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns", token, new
        {
            title = "Darf ich nicht", interviewerIds = new[] { SeededPeople.ModeratorUdo }, interviewees = new[] { SeededPeople.Staff },
            durationMinutes = 30, windowStart = Days.FromToday(30), windowEnd = Days.FromToday(44),
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task AnOrganizerReschedulesAnInterviewAndCancelsItAfterConfirming()
    {
        var started = await app.Api.SendAsync(HttpMethod.Post, "/api/scheduling/campaigns", await OrganizerTokenAsync(), new
        {
            title = "Interview mit Nachfrage",
            interviewerIds = new[] { SeededPeople.ModeratorUdo },
            interviewees = new[] { SeededPeople.FifthStaff },
            durationMinutes = 60,
            windowStart = Days.FromToday(50),
            windowEnd = Days.FromToday(70),
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync(Page, SeededPeople.OrganizerName);
        var campaign = tab.Page.Locator("article.campaign").Filter(new() { Has = tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Interview mit Nachfrage" }) });
        var row = campaign.Locator("tbody tr[id^='interview-']").Filter(new() { HasText = SeededPeople.FifthStaffName });

        await row.GetByRole(AriaRole.Button, new() { Name = $"Neu planen: {SeededPeople.FifthStaffName}" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "neue Vorschläge" }))
            .ToHaveTextAsync($"3 neue Vorschläge für {SeededPeople.FifthStaffName}.");
        await Assertions.Expect(row).ToContainTextAsync("3 Vorschläge offen");

        var cancel = row.GetByRole(AriaRole.Button, new() { Name = $"Absagen: Interview mit {SeededPeople.FifthStaffName}" });
        await cancel.ClickAsync();
        // The first click only asks; nothing is cancelled yet.
        var really = row.GetByRole(AriaRole.Button, new() { Name = $"Wirklich absagen: Interview mit {SeededPeople.FifthStaffName}" });
        await Assertions.Expect(really).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Vorschläge verschickt");
        await really.ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Abgesagt");
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(campaign.Locator(".badge").First).ToHaveTextAsync("0 von 0 Interviews gebucht");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.Problems);
    }
}
