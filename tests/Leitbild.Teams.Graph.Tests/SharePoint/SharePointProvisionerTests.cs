using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator.Lists;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

public sealed class SharePointProvisionerTests
{
    [Fact]
    public async Task ProvisioningCreatesBothListsWithGermanColumnNamesAndIndexedKeyPollAndGoal()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), CancellationToken.None);

        Assert.Equal(2, report.Actions.Count);
        var answers = sandbox.Lists.FindList("Leitbild – Rückmeldungen")!;
        Assert.Equal("genericList", answers.Template);
        Assert.Equal("Schlüssel", (string?)answers.Column("AnswerKey")!["displayName"]);
        Assert.Equal("Beantwortet am", (string?)answers.Column("AnsweredAt")!["displayName"]);
        Assert.NotNull(answers.Column("AnsweredAt")!["dateTime"]);
        Assert.NotNull(answers.Column("Rating")!["number"]);
        Assert.NotNull(answers.Column("Channel")!["choice"]);
        foreach (var indexed in new[] { "AnswerKey", "PollId", "GoalId" })
        {
            Assert.True((bool)answers.Column(indexed)!["indexed"]!, indexed);
        }
        var summaries = sandbox.Lists.FindList("Leitbild – Zielbewertung")!;
        Assert.Equal("Mittelwert", (string?)summaries.Column("MeanRating")!["displayName"]);
        Assert.Equal("Verteilung (1–5)", (string?)summaries.Column("Distribution")!["displayName"]);
    }

    [Fact]
    public async Task ProvisioningTwiceChangesNothing()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), CancellationToken.None);

        Assert.False(report.ChangedSomething);
        Assert.Empty(report.Warnings);
        Assert.DoesNotContain(sandbox.Host.Requests.All, r => r.Method != "GET");
    }

    [Fact]
    public async Task ProvisioningAddsAColumnSomeoneDeleted()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        sandbox.Lists.RemoveColumn(ResultsLists.AnswersTitle, "AppVersion");

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), CancellationToken.None);

        var action = Assert.Single(report.Actions);
        Assert.Contains("AppVersion", action, StringComparison.Ordinal);
        Assert.NotNull(sandbox.Lists.FindList(ResultsLists.AnswersTitle)!.Column("AppVersion"));
    }

    [Fact]
    public async Task TheSiteCanBeGivenByItsAddress()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);
        Assert.True(SiteReference.TryParse($"https://{ListsSimulator.HostName}{ListsSimulator.SitePath}", out var site));

        var siteId = await sandbox.Provisioner().ResolveSiteIdAsync(site!, CancellationToken.None);

        Assert.Equal(sandbox.Site.Id, siteId);
        Assert.Contains(sandbox.Host.Requests.All, r => r.PathAndQuery.StartsWith($"/v1.0/sites/{ListsSimulator.HostName}:/sites/leitbild", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownSiteGivesAClearError()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);
        SiteReference.TryParse("https://bergkamen.sharepoint.com/sites/gibtesnicht", out var site);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.Provisioner().ProvisionAsync(site!, CancellationToken.None));

        Assert.Contains("nicht gefunden / SharePoint site not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("leitbild")]
    [InlineData("http://bergkamen.sharepoint.com/sites/leitbild")]
    [InlineData("host,not-a-guid,also-not")]
    public void ASiteReferenceMustBeAnHttpsAddressOrACompositeId(string text) =>
        Assert.False(SiteReference.TryParse(text, out _));
}
