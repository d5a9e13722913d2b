using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>
/// Every page, as the person it is for, checked with axe-core against WCAG 2.1 A and AA (what BITV 2.0 asks of German
/// public bodies): no serious or critical violation. Each page's screenshot goes to docs/tab-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityAndScreenshotTests(BrowserApp app)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        // screenshot name, path, signed in as
        { "dashboard-prozess", "/tab/dashboard", SeededPeople.OrganizerName },
        { "dashboard-prozess-dunkel", "/tab/dashboard?theme=dark", SeededPeople.OrganizerName },
        { "dashboard-prozess-kontrast", "/tab/dashboard?theme=contrast", SeededPeople.OrganizerName },
        { "dashboard-prozess-en", "/tab/dashboard?lang=en", SeededPeople.ReviewerName },
        { "dashboard-interviews-workshops", "/tab/dashboard/interviews-workshops", SeededPeople.OrganizerName },
        { "dashboard-umfragen", "/tab/dashboard/umfragen", SeededPeople.OrganizerName },
        { "dashboard-interviews-workshops-dunkel", "/tab/dashboard/interviews-workshops?theme=dark", SeededPeople.OrganizerName },
        { "dashboard-ergebnisse", "/tab/dashboard/ergebnisse", SeededPeople.ReviewerName },
        { "dashboard-ergebnisse-kontrast", "/tab/dashboard/ergebnisse?theme=contrast", SeededPeople.ReviewerName },
        { "dashboard-ergebnisse-en", "/tab/dashboard/ergebnisse?lang=en", SeededPeople.OrganizerName },
        { "dashboard-kein-zugriff", "/tab/dashboard", SeededPeople.StaffName },
        { "mein-leitbild", "/tab/mein-leitbild", SeededPeople.StaffName },
        { "mein-leitbild-dunkel", "/tab/mein-leitbild?theme=dark", SeededPeople.StaffName },
        { "config", "/tab/config", SeededPeople.OrganizerName },
        { "channel", "/tab/channel?process=bergkamen-leitbild-2024", SeededPeople.StaffName },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePageHasNoSeriousOrCriticalAccessibilityViolation(string name, string path, string person)
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync(path, person);
        await tab.AssertNoRenderingLeftoversAsync();
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        await tab.ScreenshotAsync(name);
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task TheDevelopmentSignInPageHasNoSeriousOrCriticalAccessibilityViolation()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dev-signin");
        await tab.AssertNoRenderingLeftoversAsync();
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
        await tab.ScreenshotAsync("dev-signin");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task TheOpenEditFormHasNoSeriousOrCriticalAccessibilityViolationInAnyTheme()
    {
        foreach (var theme in new[] { "default", "dark", "contrast" })
        {
            await using var tab = await TabPage.OpenAsync(app);
            await tab.GoToAsync($"/tab/dashboard?theme={theme}", SeededPeople.OrganizerName);
            await tab.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Termine bearbeiten: Auswertung und Abschlussbericht" }).ClickAsync();
            await tab.Page.Locator("form.phase-form").WaitForAsync();
            Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
            if (theme == "default")
            {
                await tab.ScreenshotAsync("prozess-bearbeiten");
            }
            Assert.Empty(tab.Problems);
        }
    }
}
