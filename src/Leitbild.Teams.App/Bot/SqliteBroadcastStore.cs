using System.Globalization;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Bot.Broadcast;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Bot;

/// <summary>Broadcast jobs and per-person delivery state in SQLite; each state change is its own durable write.</summary>
public sealed class SqliteBroadcastStore(SqliteDatabase database, TimeProvider time) : IBroadcastStore
{
    public async Task<bool> CreateAsync(BroadcastJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO bot_broadcast_jobs(id, tenant_id, service_url, content_kind, payload, created_at)
                VALUES ($id, $tenant, $url, $kind, $payload, $at) ON CONFLICT(id) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", job.Id);
            insert.Parameters.AddWithValue("$tenant", job.TenantId);
            insert.Parameters.AddWithValue("$url", job.ServiceUrl);
            insert.Parameters.AddWithValue("$kind", job.ContentKind);
            insert.Parameters.AddWithValue("$payload", job.Payload);
            insert.Parameters.AddWithValue("$at", Now());
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        await using (var delivery = connection.CreateCommand())
        {
            delivery.Transaction = transaction;
            delivery.CommandText = """
                INSERT INTO bot_broadcast_deliveries(job_id, person_id, teams_user_id, position, state, updated_at)
                VALUES ($job, $person, $teams, $position, 'Pending', $at) ON CONFLICT DO NOTHING
                """;
            var person = delivery.Parameters.Add("$person", SqliteType.Text);
            var teams = delivery.Parameters.Add("$teams", SqliteType.Text);
            var position = delivery.Parameters.Add("$position", SqliteType.Integer);
            delivery.Parameters.AddWithValue("$job", job.Id);
            delivery.Parameters.AddWithValue("$at", Now());
            for (var i = 0; i < job.Recipients.Count; i++)
            {
                person.Value = job.Recipients[i].PersonId;
                teams.Value = (object?)job.Recipients[i].TeamsUserId ?? DBNull.Value;
                position.Value = i;
                await delivery.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<BroadcastJob?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tenant_id, service_url, content_kind, payload, created_at FROM bot_broadcast_jobs WHERE id = $id";
        command.Parameters.AddWithValue("$id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var job = new BroadcastJob
        {
            Id = jobId,
            TenantId = reader.GetString(0),
            ServiceUrl = reader.GetString(1),
            ContentKind = reader.GetString(2),
            Payload = reader.GetString(3),
            CreatedAt = StoredValues.Instant(reader.GetString(4)),
            Recipients = [],
        };
        var deliveries = await ListDeliveriesAsync(jobId, cancellationToken);
        return job with { Recipients = deliveries.Select(d => new BroadcastRecipient(d.PersonId, d.TeamsUserId)).ToList() };
    }

    public async Task<IReadOnlyList<BroadcastDelivery>> ListDeliveriesAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT person_id, teams_user_id, state, activity_id, detail FROM bot_broadcast_deliveries
            WHERE job_id = $id ORDER BY position
            """;
        command.Parameters.AddWithValue("$id", jobId);
        var result = new List<BroadcastDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new BroadcastDelivery(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Enum.Parse<DeliveryState>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return result;
    }

    public async Task MarkAsync(string jobId, string personId, DeliveryState state, string? activityId, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE bot_broadcast_deliveries SET state = $state, activity_id = $activity, detail = $detail, updated_at = $at
            WHERE job_id = $job AND person_id = $person
            """;
        command.Parameters.AddWithValue("$state", state.ToString());
        command.Parameters.AddWithValue("$activity", (object?)activityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Now());
        command.Parameters.AddWithValue("$job", jobId);
        command.Parameters.AddWithValue("$person", personId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE bot_broadcast_jobs SET completed_at = COALESCE(completed_at, $at) WHERE id = $id";
        command.Parameters.AddWithValue("$at", Now());
        command.Parameters.AddWithValue("$id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsCompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT completed_at IS NOT NULL FROM bot_broadcast_jobs WHERE id = $id";
        command.Parameters.AddWithValue("$id", jobId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM bot_broadcast_jobs WHERE completed_at IS NULL ORDER BY created_at";
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }
        return result;
    }

    private string Now() => StoredValues.Instant(time.GetUtcNow());
}
