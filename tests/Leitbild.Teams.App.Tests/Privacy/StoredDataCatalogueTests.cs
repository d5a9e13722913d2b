using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.App.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>The record of processing is only true if every table is declared: a new table without a declaration fails here.</summary>
public sealed class StoredDataCatalogueTests : IAsyncLifetime
{
    private readonly LocalAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<IReadOnlyList<string>> TablesAfterStartAsync()
    {
        _ = _factory.Server;
        return await ProcessingRecordSource.TableNamesAsync(_factory.Services.GetRequiredService<SqliteDatabase>(), CancellationToken.None);
    }

    [Fact]
    public async Task EveryTableTheMigrationsCreateIsDeclaredInTheCatalogue()
    {
        var declared = StoredDataCatalogue.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var undeclared = (await TablesAfterStartAsync()).Where(t => !declared.Contains(t)).ToList();
        Assert.True(undeclared.Count == 0,
            "Declare these tables beside their migrations (a *StoredData.cs in the feature folder, listed in StoredDataCatalogue): " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task EveryDeclaredTableExistsAndIsDeclaredOnce()
    {
        var tables = await TablesAfterStartAsync();
        var missing = StoredDataCatalogue.All.Select(t => t.Name).Where(name => !tables.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "Declared but not in the database: " + string.Join(", ", missing));
        Assert.Empty(StoredDataCatalogue.All.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void ATableRetentionChangesHasItsStatementAndAKeptTableHasNone()
    {
        foreach (var table in StoredDataCatalogue.All)
        {
            Assert.True((table.Retention == RetentionTreatment.Kept) == (table.RetentionSql is null && !table.DeletedByResultsStore), table.Name);
        }
    }

    [Fact]
    public void ATableTheResultsStoreDeletesFromHasNoStatementOfItsOwnSoNothingIsDeletedTwice()
    {
        var results = Assert.Single(StoredDataCatalogue.All, t => t.DeletedByResultsStore);
        Assert.Equal("results_answers", results.Name);
        Assert.Null(results.RetentionSql);
        Assert.Null(results.ErasureSql);
    }

    [Fact]
    public void TheCatalogueCheckFindsATableThatIsNotDeclared()
    {
        var declared = StoredDataCatalogue.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("poll_new_feature", declared);
        Assert.Contains("poll_answers", declared);
    }
}
