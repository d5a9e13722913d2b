using System.Text.Json;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Privacy;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Privacy;

/// <summary>
/// The SQLite side of <see cref="IPersonalDataStore"/>: runs the statements each feature declared for its tables
/// (<see cref="StoredDataCatalogue"/>), so this class knows no table itself. Changes run in one transaction: all or nothing.
/// </summary>
public sealed class SqlitePersonalDataStore(SqliteDatabase database, ILogger<SqlitePersonalDataStore> logger) : IPersonalDataStore
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<JsonElement>>> ExportAsync(string personId, string? email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<JsonElement>>(StringComparer.Ordinal);
        foreach (var table in StoredDataCatalogue.All.Where(t => t.ExportSql is not null))
        {
            await using var command = Command(connection, transaction, table.ExportSql!, personId, email);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<JsonElement>();
            while (await reader.ReadAsync(cancellationToken))
            {
                using var document = JsonDocument.Parse(reader.GetString(0));
                rows.Add(document.RootElement.Clone());
            }
            result[table.Name] = rows;
        }
        return result;
    }

    public Task<IReadOnlyDictionary<string, int>> EraseAsync(string personId, string? email, CancellationToken cancellationToken) =>
        ChangeAsync(t => t.ErasureSql, personId, email, cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> DeleteForRetentionAsync(CancellationToken cancellationToken)
    {
        var changed = await ChangeAsync(t => t.RetentionSql, null, null, cancellationToken);
        logger.LogInformation("Retention deleted personal data: {Rows} rows in {Tables} tables", changed.Values.Sum(), changed.Count(c => c.Value > 0));
        return changed;
    }

    private async Task<IReadOnlyDictionary<string, int>> ChangeAsync(Func<StoredTable, string?> sqlOf, string? personId, string? email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock first, so a concurrent answer waits.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in StoredDataCatalogue.All)
        {
            if (sqlOf(table) is not { } sql)
            {
                continue;
            }
            await using var command = Command(connection, transaction, sql, personId, email);
            result[table.Name] = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string? personId, string? email)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (personId is not null)
        {
            command.Parameters.AddWithValue("$person", personId.ToLowerInvariant());
            command.Parameters.AddWithValue("$email", (object?)email ?? DBNull.Value);
        }
        return command;
    }
}
