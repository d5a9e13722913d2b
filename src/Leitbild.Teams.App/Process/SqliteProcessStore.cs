using System.Text.Json;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Process;

/// <summary>Keeps each process and its goal catalogue as a JSON document: they are read whole and edited rarely.</summary>
public sealed class SqliteProcessStore(SqliteDatabase database, TimeProvider time) : ISeededProcessStore
{
    public async Task<IReadOnlyList<ProcessTemplate>> ListProcessesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM processes ORDER BY id";
        var result = new List<ProcessTemplate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Deserialize<ProcessTemplate>(reader.GetString(0)));
        }
        return result;
    }

    public async Task<ProcessTemplate?> GetProcessAsync(string processId, CancellationToken cancellationToken) =>
        await ReadDocumentAsync<ProcessTemplate>("SELECT document FROM processes WHERE id = $id", processId, cancellationToken);

    public async Task<GoalCatalogue?> GetGoalsAsync(string processId, CancellationToken cancellationToken) =>
        await ReadDocumentAsync<GoalCatalogue>("SELECT goals FROM processes WHERE id = $id", processId, cancellationToken);

    public async Task SaveProcessAsync(ProcessTemplate process, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE processes SET document = $doc, updated_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$id", process.Id);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(process, TemplateLoader.JsonOptions));
        command.Parameters.AddWithValue("$at", StoredValues.Instant(time.GetUtcNow()));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new KeyNotFoundException($"Process '{process.Id}' does not exist.");
        }
    }

    /// <summary>Inserts the template once; a second call for the same process id leaves the stored one alone.</summary>
    public async Task<bool> SeedAsync(LeitbildTemplate template, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO processes(id, document, goals, updated_at) VALUES ($id, $doc, $goals, $at)
            ON CONFLICT(id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", template.Process.Id);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(template.Process, TemplateLoader.JsonOptions));
        command.Parameters.AddWithValue("$goals", JsonSerializer.Serialize(template.Goals, TemplateLoader.JsonOptions));
        command.Parameters.AddWithValue("$at", StoredValues.Instant(time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<T?> ReadDocumentAsync<T>(string sql, string id, CancellationToken cancellationToken) where T : class
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Deserialize<T>(json) : null;
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, TemplateLoader.JsonOptions) ?? throw new InvalidDataException("Stored document is null.");
}
