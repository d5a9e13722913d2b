using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Tests.Fakes;

namespace Leitbild.Teams.Core.Tests.Directory;

public class DirectorySyncTests
{
    private readonly FakeEntraSource _entra = new();
    private readonly InMemoryDirectoryStateStore _store = new();
    private readonly EntraDirectory _directory;
    private readonly DirectorySync _sync;

    public DirectorySyncTests()
    {
        var template = new FakeDirectory(EntraSamples.Template);
        _directory = new EntraDirectory(template, _store);
        _sync = new DirectorySync(_entra, _store, _directory, template, TimeProvider.System);
        _entra.Users.AddRange([EntraSamples.User("a", "Kämmerei"), EntraSamples.User("b", "Stadtplanung"), EntraSamples.User("c")]);
    }

    [Fact]
    public async Task TheFirstSyncReadsEveryoneAndKeepsTheDeltaLink()
    {
        var status = await _sync.RunAsync(CancellationToken.None);

        Assert.True(status.Ok);
        Assert.True(status.FullSync);
        Assert.Equal(["all", "group", "roles"], _entra.Calls);
        Assert.Equal("delta-1", _store.State!.DeltaLink);
        Assert.Equal(3, (await _directory.GetOrganisationAsync(CancellationToken.None)).People.Count);
        Assert.Equal(["c"], (await _directory.CurrentAsync(CancellationToken.None)).Unplaced.Select(p => p.Id));
    }

    [Fact]
    public async Task TheNextSyncAppliesOnlyTheChanges()
    {
        await _sync.RunAsync(CancellationToken.None);
        _entra.Calls.Clear();
        _entra.PendingChanges.AddRange([
            new EntraUserChange("a", true, new Dictionary<string, string?>()),
            new EntraUserChange("c", false, new Dictionary<string, string?> { ["department"] = "Finanzen" }),
            new EntraUserChange("d", false, new Dictionary<string, string?> { ["displayName"] = "Dora", ["department"] = "Stadtplanung", ["accountEnabled"] = "true", ["userType"] = "Member" }),
        ]);

        var status = await _sync.RunAsync(CancellationToken.None);

        Assert.False(status.FullSync);
        Assert.Equal("delta", _entra.Calls[0]);
        Assert.DoesNotContain("all", _entra.Calls);
        var organisation = await _directory.GetOrganisationAsync(CancellationToken.None);
        Assert.Null(organisation.FindPerson("a"));
        Assert.Equal("sta-20", organisation.FindPerson("c")!.OfficeId);
        Assert.Equal("Dora", organisation.FindPerson("d")!.DisplayName);
        Assert.Equal("delta-2", _store.State!.DeltaLink);
    }

    [Fact]
    public async Task AnExpiredDeltaLinkStartsAFullSync()
    {
        await _sync.RunAsync(CancellationToken.None);
        _entra.DeltaExpired = true;
        _entra.Calls.Clear();

        var status = await _sync.RunAsync(CancellationToken.None);

        Assert.True(status.Ok);
        Assert.True(status.FullSync);
        Assert.Equal(["delta", "all", "group", "roles"], _entra.Calls);
    }

    [Theory]
    [InlineData("delta")]
    [InlineData("group")]
    [InlineData("roles")]
    public async Task AFailedReadKeepsTheLastGoodDirectoryWhole(string failing)
    {
        await _sync.RunAsync(CancellationToken.None);
        var before = _store.State;
        _entra.PendingChanges.Add(new EntraUserChange("a", true, new Dictionary<string, string?>()));
        _entra.Failing.Add(failing);

        var status = await _sync.RunAsync(CancellationToken.None);

        Assert.False(status.Ok);
        Assert.Equal($"503 {failing}", status.Error);
        Assert.Same(before, _store.State);
        Assert.NotNull((await _directory.GetOrganisationAsync(CancellationToken.None)).FindPerson("a"));
        Assert.Same(status, await _store.LoadStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnEmptyAnswerNeverReplacesAFilledDirectory()
    {
        await _sync.RunAsync(CancellationToken.None);
        _entra.DeltaExpired = true;
        _entra.Users.Clear();

        var status = await _sync.RunAsync(CancellationToken.None);

        Assert.False(status.Ok);
        Assert.Equal("empty-directory", status.Error);
        Assert.Equal(3, (await _directory.GetOrganisationAsync(CancellationToken.None)).People.Count);
    }

    [Fact]
    public async Task BeforeTheFirstSyncTheDirectoryKnowsTheUnitsAndNobody()
    {
        var organisation = await _directory.GetOrganisationAsync(CancellationToken.None);

        Assert.Equal(["sta-61", "sta-20"], organisation.Offices.Select(o => o.Id));
        Assert.Empty(organisation.People);
    }

    [Fact]
    public async Task ARoleGrantedInEntraReachesTheDirectoryAtTheNextSync()
    {
        await _sync.RunAsync(CancellationToken.None);
        Assert.False((await _directory.FindPersonAsync("c", CancellationToken.None))!.Has(Role.Organizer));
        _entra.Roles["c"] = [Role.Organizer];

        await _sync.RunAsync(CancellationToken.None);

        Assert.True((await _directory.FindPersonAsync("c", CancellationToken.None))!.Has(Role.Organizer));
    }
}
