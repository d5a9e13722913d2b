using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Evaluation;

// The goal catalogue's history in SQLite (evaluation_goal_changes), in recording order.
public sealed class SqliteGoalHistoryStore(SqliteDatabase database) : IGoalHistoryStore
{
    public async Task<IReadOnlyList<GoalChange>> ListAsync(string processId, CancellationToken cancellationToken) =>
        (await ListWithOriginAsync(processId, cancellationToken)).Select(c => c.Change).ToList();

    public async Task<IReadOnlyList<RecordedGoalChange>> ListWithOriginAsync(string processId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, goal_id, kind, phase_id, poll_id, new_text_de, new_text_en, merged_into, priority, recorded_at, recorded_by, is_sample
            FROM evaluation_goal_changes WHERE process_id = $process ORDER BY sequence
            """;
        command.Parameters.AddWithValue("$process", processId);
        var changes = new List<RecordedGoalChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new RecordedGoalChange(new GoalChange
            {
                Sequence = reader.GetInt64(0),
                GoalId = reader.GetString(1),
                Kind = Enum.Parse<GoalOutcomeKind>(reader.GetString(2)),
                PhaseId = reader.GetString(3),
                PollId = reader.IsDBNull(4) ? null : reader.GetString(4),
                NewText = reader.IsDBNull(5) ? null : new LocalizedText(reader.GetString(5), reader.GetString(6)),
                MergedIntoGoalId = reader.IsDBNull(7) ? null : reader.GetString(7),
                Priority = reader.IsDBNull(8) ? null : Enum.Parse<GoalPriority>(reader.GetString(8)),
                RecordedAt = StoredValues.Instant(reader.GetString(9)),
            }, reader.GetString(10), reader.GetInt32(11) != 0));
        }
        return changes;
    }

    public async Task<GoalChange> AppendAsync(string processId, GoalOutcome outcome, string recordedBy, DateTimeOffset at, bool isSample, CancellationToken cancellationToken)
    {
        var change = outcome.ToChange(0, at);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO evaluation_goal_changes(process_id, goal_id, kind, phase_id, poll_id, new_text_de, new_text_en, merged_into, priority, recorded_by, recorded_at, is_sample)
            VALUES ($process, $goal, $kind, $phase, $poll, $de, $en, $merged, $priority, $by, $at, $sample)
            RETURNING sequence
            """;
        command.Parameters.AddWithValue("$process", processId);
        command.Parameters.AddWithValue("$goal", change.GoalId);
        command.Parameters.AddWithValue("$kind", change.Kind.ToString());
        command.Parameters.AddWithValue("$phase", change.PhaseId);
        command.Parameters.AddWithValue("$poll", (object?)change.PollId ?? DBNull.Value);
        command.Parameters.AddWithValue("$de", (object?)change.NewText?.De ?? DBNull.Value);
        command.Parameters.AddWithValue("$en", (object?)change.NewText?.En ?? DBNull.Value);
        command.Parameters.AddWithValue("$merged", (object?)change.MergedIntoGoalId ?? DBNull.Value);
        command.Parameters.AddWithValue("$priority", (object?)change.Priority?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", recordedBy);
        command.Parameters.AddWithValue("$at", StoredValues.Instant(at));
        command.Parameters.AddWithValue("$sample", isSample ? 1 : 0);
        var sequence = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return change with { Sequence = sequence };
    }
}
