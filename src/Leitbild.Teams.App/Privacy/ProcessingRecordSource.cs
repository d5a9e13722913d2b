using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Privacy;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Privacy;

/// <summary>Reads what the record of processing is built from: the settings, the tables in the file, the process end.</summary>
public sealed class ProcessingRecordSource(
    IOptions<LeitbildOptions> app, IOptions<PrivacyOptions> privacy, SqliteDatabase database, IProcessStore processes, TimeProvider time)
{
    public async Task<ProcessingRecordInput> ReadAsync(CancellationToken cancellationToken) => new()
    {
        App = app.Value,
        Privacy = privacy.Value,
        Tables = await TableNamesAsync(database, cancellationToken),
        CreatedAt = time.GetUtcNow(),
        ProcessEndedOn = RetentionSchedule.EndedOn(await processes.ListProcessesAsync(cancellationToken)),
    };

    /// <summary>The tables as SQLite knows them, SQLite's own left out.</summary>
    public static async Task<IReadOnlyList<string>> TableNamesAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
