using System.Net;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Hosting;

/// <summary>The manifest's privacyUrl and termsOfUseUrl must answer, in German by default.</summary>
public class LegalPagesTests : IAsyncLifetime
{
    private readonly LocalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/datenschutz", "Datenschutzhinweise", "mindestens fünf Personen")]
    [InlineData("/nutzungsbedingungen", "Nutzungsbedingungen", "freiwillig")]
    [InlineData("/datenschutz?lang=en", "Privacy notice", "at least five people")]
    public async Task LegalPagesAnswerInTheAskedLanguage(string path, string title, string promise)
    {
        var response = await _factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains(promise, html);
    }
}
