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

    /// <param name="followTemplate">
    /// Microsoft 365 mode: people come from Entra ID, the template only names the units and how Entra fills them, so
    /// the stored organisation follows the template at every start (a corrected department mapping takes effect with
    /// the next start and sync). Local mode keeps the first seed.
    /// </param>
    public async Task<bool> SeedAsync(Organisation organisation, CancellationToken cancellationToken, bool followTemplate = false)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = followTemplate
            ? "INSERT INTO organisation(id, document) VALUES (1, $doc) ON CONFLICT(id) DO UPDATE SET document = excluded.document WHERE document IS NOT excluded.document"
            : "INSERT INTO organisation(id, document) VALUES (1, $doc) ON CONFLICT(id) DO NOTHING";
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(organisation, TemplateLoader.JsonOptions));
        _cached = null;
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
