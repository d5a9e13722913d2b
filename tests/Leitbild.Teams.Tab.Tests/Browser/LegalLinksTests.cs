using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>Every tab page links the privacy notice and the accessibility statement (BITV 2.0), in the page's language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LegalLinksTests(BrowserApp app)
{
    [Fact]
    public async Task MeinLeitbildLinksTheAccessibilityStatementWhichNamesTheCity()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/mein-leitbild", SeededPeople.StaffName);

        var footer = tab.Page.GetByRole(AriaRole.Contentinfo);
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Datenschutz" })).ToHaveAttributeAsync("href", "/datenschutz");
        var statement = footer.GetByRole(AriaRole.Link, new() { Name = "Barrierefreiheit" });
        await Assertions.Expect(statement).ToHaveAttributeAsync("href", "/barrierefreiheit");

        var page = await tab.Context.NewPageAsync();
        await page.GotoAsync(new Uri(new Uri(tab.Page.Url), "/barrierefreiheit").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Erklärung zur Barrierefreiheit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Stadt Bergkamen ist bemüht")).ToBeVisibleAsync();
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
    }

    [Fact]
    public async Task TheDashboardInEnglishLinksTheEnglishPages()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard?lang=en", SeededPeople.OrganizerName);

        var footer = tab.Page.GetByRole(AriaRole.Contentinfo);
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Privacy" })).ToHaveAttributeAsync("href", "/datenschutz?lang=en");
        await Assertions.Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Accessibility" })).ToHaveAttributeAsync("href", "/barrierefreiheit?lang=en");
    }
}
