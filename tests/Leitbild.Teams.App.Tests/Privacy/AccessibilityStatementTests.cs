using System.Net;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>The accessibility statement (BITV 2.0) at /barrierefreiheit, filled from the settings.</summary>
public sealed class AccessibilityStatementTests
{
    [Fact]
    public async Task TheStatementIsGermanByDefaultAndNamesTheCityAndTheConfiguredContact()
    {
        await using var factory = new LocalAppFactory(
            ("Leitbild:OrganisationName", "Stadt Musterhausen"),
            ("Leitbild:Privacy:AccessibilityContact", "barrierefrei@musterhausen.example"),
            ("Leitbild:Privacy:AccessibilityReviewedOn", "2026-11-30"));
        var response = await factory.CreateClient().GetAsync("/barrierefreiheit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Erklärung zur Barrierefreiheit", html);
        Assert.Contains("Stadt Musterhausen ist bemüht", html);
        Assert.Contains("barrierefrei@musterhausen.example", html);
        Assert.Contains("30.11.2026", html);
        Assert.Contains("Ombudsstelle für barrierefreie Informationstechnik", html);
    }

    [Fact]
    public async Task TheEnglishStatementSaysWhatIsMissingFromTheSettingsAndEncodesWhatIsThere()
    {
        await using var factory = new LocalAppFactory(("Leitbild:OrganisationName", "Town <b>X</b>"));
        var html = await factory.CreateClient().GetStringAsync("/barrierefreiheit?lang=en");

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Accessibility statement", html);
        Assert.Contains("Town &lt;b&gt;X&lt;/b&gt;", html);
        Assert.Contains("not set (Leitbild:Privacy:AccessibilityContact)", html);
    }
}
