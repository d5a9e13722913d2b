using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>The planning team reads its audit log on the process page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditSectionTests(BrowserApp app)
{
    [Fact]
    public async Task TheProcessPageShowsOrganizersTheirOwnRecordedActionWithTheirName()
    {
        await using var tab = await TabPage.OpenAsync(app);
        await tab.GoToAsync("/tab/dashboard", SeededPeople.OrganizerName);
        var close = await app.Api.SendAsync(HttpMethod.Post, "/api/polls/audit-probe-poll/close", await tab.TokenAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, close.StatusCode);

        await tab.GoToAsync("/tab/dashboard");
        var section = tab.Page.GetByRole(AriaRole.Region, new() { Name = "Protokoll der Prozessleitung" });
        var row = section.Locator("tbody tr").Filter(new() { HasText = "audit-probe-poll" });
        await Assertions.Expect(row).ToContainTextAsync(SeededPeople.OrganizerName);
        await Assertions.Expect(row).ToContainTextAsync("POST /api/polls/{pollId}/close");
        await Assertions.Expect(row).ToContainTextAsync("404");
        Assert.Empty(await tab.SeriousAccessibilityViolationsAsync());
    }
}
