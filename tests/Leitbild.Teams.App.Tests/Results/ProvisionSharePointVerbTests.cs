using Leitbild.Teams.App.Cli;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator.Lists;

namespace Leitbild.Teams.App.Tests.Results;

public sealed class ProvisionSharePointVerbTests
{
    private static readonly string[] Settings =
    [
        "--Leitbild:Microsoft365:TenantId", "11111111-2222-3333-4444-555555555555",
        "--Leitbild:Microsoft365:ClientId", "66666666-7777-8888-9999-000000000000",
        "--Leitbild:Microsoft365:ClientSecret", "not-used-against-the-simulator",
        "--Leitbild:Microsoft365:RawAnswersReaderGroups", PlanningOffice,
    ];

    private const string PlanningOffice = "aaaaaaaa-1111-2222-3333-444444444444";

    private static string[] Against(GraphSimulator.GraphSimulatorHost host) =>
        ["--graph-base-url", host.BaseUrl.ToString(), "--sharepoint-base-url", host.BaseUrl.GetLeftPart(UriPartial.Authority) + "/"];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLineVerbs.RunAsync(["provision-sharepoint", .. args], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task TheVerbCreatesTheListsOnTheSiteGivenByAddressAndASecondRunChangesNothing()
    {
        var (host, lists, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        string[] args = ["--site", $"https://{ListsSimulator.HostName}{ListsSimulator.SitePath}", .. Against(host), .. Settings];

        var first = await RunAsync(args);
        var second = await RunAsync(args);

        Assert.Equal(0, first.Exit);
        Assert.Contains("Leitbild – Rückmeldungen", first.Output, StringComparison.Ordinal);
        Assert.Contains(site.Id, first.Output, StringComparison.Ordinal);
        Assert.NotNull(lists.FindList(ResultsLists.SummariesTitle));
        Assert.Equal(0, second.Exit);
        Assert.Contains("nichts geändert / everything in place, nothing changed", second.Output, StringComparison.Ordinal);
        Assert.Contains("Lesezugriff erteilt / read access granted", first.Output, StringComparison.Ordinal);
        Assert.NotNull(lists.FindList(ResultsLists.AnswersTitle)!.UniqueRoleAssignments);
        Assert.All(host.Requests.All, r => Assert.StartsWith("NONISV|Stadt Bergkamen|Leitbild.Teams/", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutMicrosoft365SettingsTheVerbExplainsWhatIsMissing()
    {
        var result = await RunAsync("--site", "https://bergkamen.sharepoint.com/sites/leitbild");

        Assert.Equal(2, result.Exit);
        Assert.Contains("Leitbild:Microsoft365:TenantId: fehlt oder ist keine GUID / missing or not a GUID", result.Error, StringComparison.Ordinal);
        Assert.Contains("ClientSecret: fehlt / missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSiteEndsWithExitCodeOne()
    {
        var (host, _, _) = await ListsSimulator.StartAsync();
        await using var _ = host;

        var result = await RunAsync(["--site", "https://bergkamen.sharepoint.com/sites/nirgends", .. Against(host), .. Settings]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("SharePoint site not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutThePlanningOfficesGroupsTheVerbRefusesToLeaveTheRawAnswersOpenAndChangesNothing()
    {
        var (host, lists, _) = await ListsSimulator.StartAsync();
        await using var _ = host;

        var result = await RunAsync(["--site", $"https://{ListsSimulator.HostName}{ListsSimulator.SitePath}", .. Against(host), .. Settings[..^2]]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("Leitbild:Microsoft365:RawAnswersReaderGroups: fehlt", result.Error, StringComparison.Ordinal);
        Assert.Null(lists.FindList(ResultsLists.AnswersTitle));
        Assert.Equal(0, host.Requests.Count);
    }

    [Fact]
    public async Task AGroupThatIsNotAnObjectIdIsNamedAtStart()
    {
        var result = await RunAsync(["--site", "https://bergkamen.sharepoint.com/sites/leitbild", .. Settings[..^2], "--Leitbild:Microsoft365:RawAnswersReaderGroups", "Planungsamt"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("„Planungsamt“ ist keine Gruppen-ID (GUID) / is not a group object id (GUID)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgainstSharePointItselfTheVerbNeedsACertificateBecauseSharePointRefusesSecretTokens()
    {
        var result = await RunAsync(["--site", "https://bergkamen.sharepoint.com/sites/leitbild", .. Settings]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("Leitbild:Microsoft365:ClientCertificatePath: fehlt", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrayArgumentIsAUsageError()
    {
        var result = await RunAsync("leitbild");

        Assert.Equal(2, result.Exit);
        Assert.Contains("usage", result.Error, StringComparison.Ordinal);
    }
}
