using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator.Lists;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

public sealed class SharePointProvisionerTests
{
    [Fact]
    public async Task ProvisioningCreatesTheThreeListsWithGermanColumnNamesAndIndexedKeyPollAndGoal()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), CancellationToken.None);

        Assert.Equal(3, report.Actions.Count(a => a.StartsWith("Liste angelegt", StringComparison.Ordinal)));
        Assert.NotNull(sandbox.Lists.FindList(ResultsLists.OfficeSummariesTitle));
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

    private static readonly Guid PlanningOffice = new("aaaaaaaa-1111-2222-3333-444444444444");

    [Fact]
    public async Task ProvisioningTwiceChangesNothing()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);
        var access = new RawAnswersAccess([PlanningOffice]);
        await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), access, CancellationToken.None);
        sandbox.Host.Requests.Clear();

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), access, CancellationToken.None);

        Assert.False(report.ChangedSomething);
        Assert.Empty(report.Warnings);
        Assert.DoesNotContain(sandbox.Host.Requests.All, r => r.Method != "GET");
        Assert.Contains(sandbox.Host.Requests.All, r => r.PathAndQuery.Contains("/_api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProvisioningCreatesReportViewsGroupedByPollFieldOfActionAndOfficeEachListOpeningInItsFirst()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), CancellationToken.None);

        Assert.Equal(5, report.Actions.Count(a => a.StartsWith("Ansicht angelegt", StringComparison.Ordinal)));
        foreach (var schema in ResultsLists.All)
        {
            var list = sandbox.Lists.FindList(schema.DisplayName)!;
            Assert.Equal(schema.Views[0].Title, Assert.Single(list.Views, v => v.DefaultView).Title);
            Assert.All(schema.Views, v => Assert.Contains(list.Views, created => created.Title == v.Title && created.Fields.SequenceEqual(v.Fields)));
        }
        var byPoll = sandbox.Lists.FindList(ResultsLists.AnswersTitle)!.Views.Single(v => v.Title == "Nach Umfrage");
        Assert.Contains("<FieldRef Name=\"PollTitle\" />", byPoll.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("RespondentKey", byPoll.Fields);
        var byOffice = sandbox.Lists.FindList(ResultsLists.OfficeSummariesTitle)!.Views.Single(v => v.Title == "Nach Amt");
        Assert.Contains("<FieldRef Name=\"OfficeName\" />", byOffice.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRawAnswersListIsReadableByThePlanningOfficeAloneWhileTheSummariesStayWithTheSite()
    {
        await using var sandbox = await SharePointSandbox.StartAsync(provision: false);
        var visitors = sandbox.Site.Principals["Leitbild Visitors"];
        var members = sandbox.Site.Principals["Leitbild Members"];

        var report = await sandbox.Provisioner().ProvisionAsync(new SiteReference(sandbox.Site.Id, null, null), new RawAnswersAccess([PlanningOffice]), CancellationToken.None);

        Assert.Contains(report.Actions, a => a.StartsWith("Berechtigungsvererbung aufgehoben", StringComparison.Ordinal));
        var planning = sandbox.Lists.PrincipalId(SharePointRestClient.GroupLogonName(PlanningOffice))!.Value;
        var raw = sandbox.Lists.EffectiveRoleAssignments(ResultsLists.AnswersTitle);
        Assert.Equal([SimRoles.Read], raw[planning]);
        // Department heads reach the site as members or visitors: they no longer reach the raw answers.
        Assert.False(raw.ContainsKey(visitors));
        Assert.False(raw.ContainsKey(members));
        Assert.Equal([SimRoles.AppPrincipal, planning], raw.Keys.Order());
        var summaries = sandbox.Lists.EffectiveRoleAssignments(ResultsLists.OfficeSummariesTitle);
        Assert.True(summaries.ContainsKey(visitors));
        Assert.False(summaries.ContainsKey(planning));
    }

    [Fact]
    public async Task AGrantOnAListThatStillInheritsIsRefusedBySharePoint()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var rest = sandbox.RestClient(new Uri(sandbox.Site.WebUrl));

        var refused = await Assert.ThrowsAsync<SharePointRestException>(() =>
            rest.AddRoleAssignmentAsync(ResultsLists.SummariesTitle, sandbox.Site.Principals["Leitbild Visitors"], SimRoles.Read, CancellationToken.None));

        Assert.Equal(400, refused.Status);
        Assert.Contains("inherits permissions", refused.Message, StringComparison.Ordinal);
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
