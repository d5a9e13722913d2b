using System.Text.Json;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Process;

/// <summary>The local directory: the organisation from the template, kept in SQLite so it survives template edits.</summary>
public sealed class SeededDirectory(SqliteDatabase database) : IDirectory
{
    private Organisation? _cached;

    public async Task<Organisation> GetOrganisationAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached)
        {
            return cached;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM organisation WHERE id = 1";
        var json = await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new InvalidOperationException("The directory has not been seeded.");
        return _cached = JsonSerializer.Deserialize<Organisation>(json, TemplateLoader.JsonOptions)!;
    }

    public async Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken) =>
        (await GetOrganisationAsync(cancellationToken)).FindPerson(personId);

    public async Task<IReadOnlyList<Person>> PeopleInUnitAsync(string unitId, CancellationToken cancellationToken) =>
        (await GetOrganisationAsync(cancellationToken)).PeopleIn(unitId);

    public async Task<bool> SeedAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO organisation(id, document) VALUES (1, $doc) ON CONFLICT(id) DO NOTHING";
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(organisation, TemplateLoader.JsonOptions));
        _cached = null;
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
