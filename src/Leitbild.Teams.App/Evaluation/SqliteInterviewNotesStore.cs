using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Evaluation;

namespace Leitbild.Teams.App.Evaluation;

// Interview notes' side tables in SQLite (evaluation_interviews, evaluation_statements); the note in one transaction.
public sealed class SqliteInterviewNotesStore(SqliteDatabase database) : IInterviewNotesStore
{
    public async Task SaveAsync(NotedInterview interview, StatementNote note, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.CommandText = """
                INSERT INTO evaluation_interviews(interview_id, phase_id, division_id, is_sample) VALUES ($id, $phase, $division, $sample)
                ON CONFLICT(interview_id) DO UPDATE SET phase_id = excluded.phase_id, division_id = excluded.division_id
                """;
            upsert.Parameters.AddWithValue("$id", interview.InterviewId);
            upsert.Parameters.AddWithValue("$phase", interview.PhaseId);
            upsert.Parameters.AddWithValue("$division", (object?)interview.DivisionId ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$sample", note.IsSample ? 1 : 0);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO evaluation_statements(answer_key, statement_id, interview_id, field_of_action_id, goal_id, sentiment, consent, named_as, recorded_by, recorded_at, is_sample)
                VALUES ($key, $statement, $interview, $field, $goal, $sentiment, $consent, $named, $by, $at, $sample)
                ON CONFLICT(answer_key) DO UPDATE SET field_of_action_id = excluded.field_of_action_id, goal_id = excluded.goal_id,
                    sentiment = excluded.sentiment, consent = excluded.consent, named_as = excluded.named_as
                """;
            insert.Parameters.AddWithValue("$key", note.AnswerKey);
            insert.Parameters.AddWithValue("$statement", note.StatementId);
            insert.Parameters.AddWithValue("$interview", note.InterviewId);
            insert.Parameters.AddWithValue("$field", note.FieldOfActionId);
            insert.Parameters.AddWithValue("$goal", (object?)note.GoalId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$sentiment", note.Sentiment.ToString());
            insert.Parameters.AddWithValue("$consent", note.Consent.ToString());
            insert.Parameters.AddWithValue("$named", (object?)note.NamedAs ?? DBNull.Value);
            insert.Parameters.AddWithValue("$by", note.RecordedBy);
            insert.Parameters.AddWithValue("$at", StoredValues.Instant(note.RecordedAt));
            insert.Parameters.AddWithValue("$sample", note.IsSample ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> WithdrawAsync(string statementId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE evaluation_statements SET withdrawn_at = $at WHERE statement_id = $id AND withdrawn_at IS NULL";
        command.Parameters.AddWithValue("$id", statementId);
        command.Parameters.AddWithValue("$at", StoredValues.Instant(at));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<StatementNote>> ListAsync(string? interviewId, bool includeWithdrawn, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT answer_key, statement_id, interview_id, field_of_action_id, goal_id, sentiment, consent, named_as, recorded_by, recorded_at, withdrawn_at, is_sample
            FROM evaluation_statements
            WHERE ($interview IS NULL OR interview_id = $interview) AND ($all = 1 OR withdrawn_at IS NULL)
            ORDER BY recorded_at, statement_id
            """;
        command.Parameters.AddWithValue("$interview", (object?)interviewId ?? DBNull.Value);
        command.Parameters.AddWithValue("$all", includeWithdrawn ? 1 : 0);
        var notes = new List<StatementNote>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new StatementNote
            {
                AnswerKey = reader.GetString(0),
                StatementId = reader.GetString(1),
                InterviewId = reader.GetString(2),
                FieldOfActionId = reader.GetString(3),
                GoalId = reader.IsDBNull(4) ? null : reader.GetString(4),
                Sentiment = Enum.Parse<StatementSentiment>(reader.GetString(5)),
                Consent = Enum.Parse<StatementConsent>(reader.GetString(6)),
                NamedAs = reader.IsDBNull(7) ? null : reader.GetString(7),
                RecordedBy = reader.GetString(8),
                RecordedAt = StoredValues.Instant(reader.GetString(9)),
                WithdrawnAt = reader.IsDBNull(10) ? null : StoredValues.Instant(reader.GetString(10)),
                IsSample = reader.GetInt32(11) != 0,
            });
        }
        return notes;
    }

    public async Task<IReadOnlyList<(NotedInterview Interview, bool IsSample)>> ListInterviewsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.interview_id, i.phase_id, i.division_id, i.is_sample FROM evaluation_interviews i
            WHERE EXISTS (SELECT 1 FROM evaluation_statements s WHERE s.interview_id = i.interview_id AND s.withdrawn_at IS NULL)
            ORDER BY i.interview_id
            """;
        var interviews = new List<(NotedInterview, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            interviews.Add((new NotedInterview(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetInt32(3) != 0));
        }
        return interviews;
    }
}
