using System.Globalization;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Results;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>The embedded results store (local mode): one row per answer key in results_answers.</summary>
public sealed class SqliteResultsStore(SqliteDatabase database, TimeProvider time) : IResultsStore
{
    public async Task<AnswerWriteResult> UpsertAsync(Answer answer, CancellationToken cancellationToken) =>
        (await UpsertManyAsync([new AnswerWrite(answer, MayExist: true)], cancellationToken))[0];

    public async Task<IReadOnlyList<AnswerWriteResult>> UpsertManyAsync(IReadOnlyList<AnswerWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var results = new List<AnswerWriteResult>(writes.Count);
        foreach (var write in writes)
        {
            var answer = write.Answer.Normalized();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO results_answers(answer_key, poll_id, goal_id, department_id, document, stored_at)
                VALUES ($key, $poll, $goal, $department, $document, $at)
                ON CONFLICT(answer_key) DO UPDATE SET
                    poll_id = excluded.poll_id, goal_id = excluded.goal_id, department_id = excluded.department_id,
                    document = excluded.document, stored_at = excluded.stored_at
                WHERE document <> excluded.document
                """;
            command.Parameters.AddWithValue("$key", answer.Key);
            command.Parameters.AddWithValue("$poll", answer.PollId);
            command.Parameters.AddWithValue("$goal", answer.GoalId);
            command.Parameters.AddWithValue("$department", (object?)answer.DepartmentId ?? DBNull.Value);
            command.Parameters.AddWithValue("$document", ResultsJson.Serialize(answer));
            command.Parameters.AddWithValue("$at", time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
            results.Add(AnswerWriteResult.Stored(answer.Key));
        }
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<AnswerPage> ReadAnswersAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        query.ThrowIfInvalid();
        var after = query.ContinuationToken is { } token && long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rowId) ? rowId : 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, document FROM results_answers
            WHERE rowid > $after
              AND ($poll IS NULL OR poll_id = $poll)
              AND ($goal IS NULL OR goal_id = $goal)
              AND ($department IS NULL OR department_id = $department)
            ORDER BY rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$poll", (object?)query.PollId ?? DBNull.Value);
        command.Parameters.AddWithValue("$goal", (object?)query.GoalId ?? DBNull.Value);
        command.Parameters.AddWithValue("$department", (object?)query.DepartmentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.PageSize + 1);
        var rows = new List<(long RowId, Answer Answer)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), ResultsJson.Deserialize(reader.GetString(1))));
        }
        var page = rows.Take(query.PageSize).ToList();
        var next = rows.Count > query.PageSize ? page[^1].RowId.ToString(CultureInfo.InvariantCulture) : null;
        return new AnswerPage(page.Select(r => r.Answer).ToList(), next);
    }

    public async Task<GoalSummary> ReadGoalSummaryAsync(string goalId, CancellationToken cancellationToken)
    {
        var answers = new List<Answer>();
        string? token = null;
        do
        {
            var page = await ReadAnswersAsync(new AnswerQuery { GoalId = goalId, PageSize = AnswerQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            answers.AddRange(page.Answers);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return GoalSummaryCalculator.Compute(goalId, answers);
    }

    public async Task<IReadOnlyList<GoalSummary>> ReadGoalSummariesAsync(IReadOnlyList<string> goalIds, CancellationToken cancellationToken)
    {
        var summaries = new List<GoalSummary>(goalIds.Count);
        foreach (var goalId in goalIds)
        {
            summaries.Add(await ReadGoalSummaryAsync(goalId, cancellationToken));
        }
        return summaries;
    }

    /// <summary>Summaries are computed when read, so there is no stored view to bring up to date.</summary>
    public Task RefreshSummariesAsync(IReadOnlyCollection<string> goalIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
