using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Graph.Directory;
using Leitbild.Teams.Graph.Tests.SharePoint;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Directory;

namespace Leitbild.Teams.Graph.Tests.Directory;

/// <summary>The Entra directory adapter through the real GraphServiceClient (our throttling handler included) against the simulator.</summary>
public sealed class GraphEntraDirectorySourceTests : IAsyncLifetime
{
    private readonly DirectoryFeature _directory = new();
    private GraphSimulatorHost _host = null!;
    private GraphEntraDirectorySource _source = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphSimulatorHost.StartAsync(_directory);
        _host.Faults.RetryAfterSeconds = 0;
        _source = new GraphEntraDirectorySource(SharePointSandbox.CreateClient(_host.BaseUrl), _directory.AppId);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string UserId(int i) => $"00000000-0000-0000-0000-{i:D12}";

    private void AddUsers(int count, Func<int, SimulatedUser, SimulatedUser>? shape = null)
    {
        for (var i = 1; i <= count; i++)
        {
            var user = new SimulatedUser
            {
                Id = UserId(i),
                DisplayName = $"Person {i}",
                Mail = $"person{i}@bergkamen.example",
                UserPrincipalName = $"person{i}@bergkamen.example",
                Department = i % 2 == 0 ? "Planungsamt" : "Bauamt",
                JobTitle = "Sachbearbeitung",
            };
            _directory.AddUser(shape is null ? user : shape(i, user));
        }
    }

    [Fact]
    public async Task AThousandUsersAreReadInFourCallsWithTheSelectedPropertiesAndADeltaLink()
    {
        AddUsers(1000, (i, u) => i == 7 ? u with { AccountEnabled = false, UserType = "Guest", Department = null } : u);

        var read = await _source.ReadAllUsersAsync(CancellationToken.None);

        Assert.Equal(1000, read.Users.Count);
        Assert.Equal(1000, read.Users.Select(u => u.Id).Distinct().Count());
        var seventh = read.Users.Single(u => u.Id == UserId(7));
        Assert.False(seventh.IsEnabled);
        Assert.True(seventh.IsGuest);
        Assert.Null(seventh.Department);
        Assert.Equal("Planungsamt", read.Users.Single(u => u.Id == UserId(8)).Department);
        Assert.Contains("$deltatoken=", read.DeltaLink, StringComparison.Ordinal);
        // One delta link, two pages of 999 and 1.
        var requests = _host.Requests.All;
        Assert.Equal(3, requests.Count);
        Assert.All(requests.Where(r => r.PathAndQuery.StartsWith("/v1.0/users?", StringComparison.Ordinal)),
            r => Assert.Contains("department", Uri.UnescapeDataString(r.PathAndQuery), StringComparison.Ordinal));
        Assert.Contains(requests, r => Uri.UnescapeDataString(r.PathAndQuery).Contains("$top=999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangesSinceTheDeltaLinkComeWithOnlyWhatChangedAndRemovalsAsRemoved()
    {
        AddUsers(10);
        var read = await _source.ReadAllUsersAsync(CancellationToken.None);
        _directory.UpdateUser(UserId(2), u => u with { Department = null });
        _directory.UpdateUser(UserId(3), u => u with { AccountEnabled = false });
        _directory.DeleteUser(UserId(4));
        _directory.AddUser(new SimulatedUser { Id = UserId(11), DisplayName = "Neu", UserPrincipalName = "neu@bergkamen.example", Department = "Bauamt" });
        _host.Requests.Clear();

        var delta = await _source.ReadUserChangesAsync(read.DeltaLink, CancellationToken.None);

        Assert.Single(_host.Requests.All);
        var changes = delta.Changes.ToDictionary(c => c.Id);
        Assert.Equal(4, changes.Count);
        Assert.True(changes[UserId(4)].Removed);
        Assert.True(changes[UserId(2)].Has(EntraUserChange.Department));
        Assert.Null(changes[UserId(2)].Text(EntraUserChange.Department));
        Assert.False(changes[UserId(3)].Flag(EntraUserChange.AccountEnabled));
        Assert.Equal("Bauamt", changes[UserId(11)].ToUser().Department);
        Assert.NotEqual(read.DeltaLink, delta.DeltaLink);

        var none = await _source.ReadUserChangesAsync(delta.DeltaLink, CancellationToken.None);
        Assert.Empty(none.Changes);
    }

    [Fact]
    public async Task ManyChangesArePagedThroughNextLinksUntilTheDeltaLink()
    {
        AddUsers(450);
        var read = await _source.ReadAllUsersAsync(CancellationToken.None);
        for (var i = 1; i <= 450; i++)
        {
            _directory.UpdateUser(UserId(i), u => u with { JobTitle = "Leitung" });
        }

        var delta = await _source.ReadUserChangesAsync(read.DeltaLink, CancellationToken.None);

        Assert.Equal(450, delta.Changes.Count);
        Assert.All(delta.Changes, c => Assert.Equal("Leitung", c.Text(EntraUserChange.JobTitle)));
    }

    [Fact]
    public async Task AnExpiredDeltaLinkIsReportedAsExpiredNotAsAFailure()
    {
        AddUsers(3);
        var read = await _source.ReadAllUsersAsync(CancellationToken.None);
        _directory.ExpireDeltaLinks();

        await Assert.ThrowsAsync<EntraDeltaExpiredException>(() => _source.ReadUserChangesAsync(read.DeltaLink, CancellationToken.None));
    }

    [Fact]
    public async Task GroupMembersIncludeNestedGroupsAndAnUnknownGroupIsAReadFailure()
    {
        AddUsers(6);
        _directory.AddGroup("aaaaaaaa-0000-0000-0000-000000000002", [UserId(5), UserId(6)]);
        _directory.AddGroup("aaaaaaaa-0000-0000-0000-000000000001", [UserId(1)], ["aaaaaaaa-0000-0000-0000-000000000002"]);

        var members = await _source.GroupMemberIdsAsync("aaaaaaaa-0000-0000-0000-000000000001", CancellationToken.None);

        Assert.Equal([UserId(1), UserId(5), UserId(6)], members.Order());
        var failure = await Assert.ThrowsAsync<EntraReadException>(() => _source.GroupMemberIdsAsync("aaaaaaaa-0000-0000-0000-00000000000f", CancellationToken.None));
        Assert.Equal("404 Request_ResourceNotFound", failure.Code);
    }

    [Fact]
    public async Task AppRolesComeFromUsersAndExpandedGroupsAndTheServicePrincipalIsLookedUpOnce()
    {
        AddUsers(5);
        _directory.AddGroup("bbbbbbbb-0000-0000-0000-000000000001", [UserId(2), UserId(3)]);
        _directory.AssignRole(UserId(1), "User", EntraAppRoles.Organizer);
        _directory.AssignRole("bbbbbbbb-0000-0000-0000-000000000001", "Group", EntraAppRoles.Reviewer);
        _directory.AssignRole(UserId(3), "User", EntraAppRoles.Organizer);

        var roles = await _source.AppRolesAsync(CancellationToken.None);
        _host.Requests.Clear();
        var again = await _source.AppRolesAsync(CancellationToken.None);

        Assert.Equal([Role.Organizer], roles[UserId(1)]);
        Assert.Equal([Role.Reviewer], roles[UserId(2)]);
        Assert.Equal(new[] { Role.Organizer, Role.Reviewer }.Order(), roles[UserId(3)].Order());
        Assert.False(roles.ContainsKey(UserId(4)));
        Assert.Equal(roles.Count, again.Count);
        // The second run: the assignments and the one group, no service principal lookup.
        Assert.DoesNotContain(_host.Requests.All, r => r.PathAndQuery.StartsWith("/v1.0/servicePrincipals?", StringComparison.Ordinal));
        Assert.Equal(2, _host.Requests.Count);
    }

    [Fact]
    public async Task AnAppThatIsNotRegisteredInTheTenantIsAReadFailure()
    {
        var source = new GraphEntraDirectorySource(SharePointSandbox.CreateClient(_host.BaseUrl), "99999999-9999-9999-9999-999999999999");

        var failure = await Assert.ThrowsAsync<EntraReadException>(() => source.AppRolesAsync(CancellationToken.None));

        Assert.Equal("service-principal-not-found", failure.Code);
    }

    [Fact]
    public async Task ThirtyPercentThrottlingAndOutagesLoseNobody()
    {
        AddUsers(1200);
        _host.Faults.Seed(12);
        _host.Faults.FailureRate = 0.3;

        var read = await _source.ReadAllUsersAsync(CancellationToken.None);
        _directory.UpdateUser(UserId(9), u => u with { Department = "Kämmerei" });
        var delta = await _source.ReadUserChangesAsync(read.DeltaLink, CancellationToken.None);

        Assert.Equal(1200, read.Users.Select(u => u.Id).Distinct().Count());
        Assert.Equal("Kämmerei", Assert.Single(delta.Changes).Text(EntraUserChange.Department));
        Assert.True(_host.Faults.InjectedCount > 0);
    }

    [Fact]
    public async Task AnOutageThatOutlastsTheRetriesIsAReadFailureNamedByStatus()
    {
        AddUsers(2);
        _host.Faults.FailureRate = 1;
        _host.Faults.RandomFaults = [FaultKind.ServiceUnavailable];

        var failure = await Assert.ThrowsAsync<EntraReadException>(() => _source.ReadAllUsersAsync(CancellationToken.None));

        Assert.StartsWith("503", failure.Code, StringComparison.Ordinal);
    }
}
