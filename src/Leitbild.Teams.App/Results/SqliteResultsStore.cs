using System.Globalization;
using System.Text.Json;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Results;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>The embedded results store (local mode): one row per answer key in results_answers.</summary>
public sealed class SqliteResultsStore(SqliteDatabase database, SummaryRulesSource summaryRules, TimeProvider time) : IResultsStore
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
                INSERT INTO results_answers(answer_key, poll_id, goal_id, department_id, document, stored_at,
                    kind, rating, rank, respondent_key, field_of_action_id, answered_at)
                VALUES ($key, $poll, $goal, $department, $document, $at, $kind, $rating, $rank, $respondent, $field, $answeredAt)
                ON CONFLICT(answer_key) DO UPDATE SET
                    poll_id = excluded.poll_id, goal_id = excluded.goal_id, department_id = excluded.department_id,
                    document = excluded.document, stored_at = excluded.stored_at,
                    kind = excluded.kind, rating = excluded.rating, rank = excluded.rank, respondent_key = excluded.respondent_key,
                    field_of_action_id = excluded.field_of_action_id, answered_at = excluded.answered_at
                WHERE document <> excluded.document
                """;
            command.Parameters.AddWithValue("$key", answer.Key);
            command.Parameters.AddWithValue("$poll", answer.PollId);
            command.Parameters.AddWithValue("$goal", answer.GoalId);
            command.Parameters.AddWithValue("$department", (object?)answer.DepartmentId ?? DBNull.Value);
            command.Parameters.AddWithValue("$document", ResultsJson.Serialize(answer));
            // No time finer than the day for an anonymous answer.
            command.Parameters.AddWithValue("$at", StoredValues.Instant(answer.Coarsened(time.GetUtcNow())));
            command.Parameters.AddWithValue("$kind", ResultsJson.KindName(answer.Value.Kind));
            command.Parameters.AddWithValue("$rating", (object?)answer.Value.Rating ?? DBNull.Value);
            command.Parameters.AddWithValue("$rank", (object?)answer.Value.Rank ?? DBNull.Value);
            command.Parameters.AddWithValue("$respondent", answer.RespondentKey);
            command.Parameters.AddWithValue("$field", answer.FieldOfActionId);
            command.Parameters.AddWithValue("$answeredAt", StoredValues.Instant(answer.AnsweredAt));
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

    public async Task<GoalSummary> ReadGoalSummaryAsync(string goalId, CancellationToken cancellationToken) =>
        (await ReadGoalSummariesAsync([goalId], cancellationToken))[0];

    /// <summary>
    /// Four aggregate queries over the answer columns for all goals at once (counts, departments, choices, comment
    /// texts) instead of reading and parsing every answer; Core's <see cref="GoalSummaryCalculator.FromTally"/> then
    /// applies the same rules as for answers read one by one.
    /// </summary>
    public async Task<IReadOnlyList<GoalSummary>> ReadGoalSummariesAsync(IReadOnlyList<string> goalIds, CancellationToken cancellationToken)
    {
        var goals = JsonSerializer.Serialize(goalIds.Distinct(StringComparer.Ordinal));
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction: the four queries see the same answers even while the outbox worker writes.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var tallies = new Dictionary<string, GoalTally>(StringComparer.Ordinal);
        await ForEachRowAsync(snapshot, """
            SELECT a.goal_id, COUNT(*), COUNT(DISTINCT a.respondent_key),
                SUM(a.kind = 'rating' AND a.rating = 1), SUM(a.kind = 'rating' AND a.rating = 2), SUM(a.kind = 'rating' AND a.rating = 3),
                SUM(a.kind = 'rating' AND a.rating = 4), SUM(a.kind = 'rating' AND a.rating = 5),
                SUM(a.kind = 'noAnswer'), SUM(a.kind = 'rank' AND a.rank IS NOT NULL), TOTAL(CASE WHEN a.kind = 'rank' THEN a.rank END),
                (SELECT f.field_of_action_id FROM results_answers f WHERE f.goal_id = a.goal_id ORDER BY f.answered_at, f.answer_key LIMIT 1)
            FROM results_answers a
            WHERE a.goal_id IN (SELECT value FROM json_each($goals))
            GROUP BY a.goal_id
            """, goals, reader =>
        {
            var goal = reader.GetString(0);
            tallies[goal] = new GoalTally
            {
                GoalId = goal,
                AnswerCount = reader.GetInt32(1),
                RespondentCount = reader.GetInt32(2),
                Distribution = [reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)],
                NoAnswerCount = reader.GetInt32(8),
                RankCount = reader.GetInt32(9),
                RankSum = (long)reader.GetDouble(10),
                FieldOfActionId = reader.IsDBNull(11) ? null : reader.GetString(11),
            };
        }, cancellationToken);

        var departments = new Dictionary<string, List<DepartmentTally>>(StringComparer.Ordinal);
        await ForEachRowAsync(snapshot, """
            SELECT goal_id, department_id, COUNT(DISTINCT respondent_key),
                SUM(kind = 'rating' AND rating = 1), SUM(kind = 'rating' AND rating = 2), SUM(kind = 'rating' AND rating = 3),
                SUM(kind = 'rating' AND rating = 4), SUM(kind = 'rating' AND rating = 5)
            FROM results_answers
            WHERE goal_id IN (SELECT value FROM json_each($goals)) AND department_id IS NOT NULL
            GROUP BY goal_id, department_id
            """, goals, reader =>
        {
            Add(departments, reader.GetString(0), new DepartmentTally(reader.GetString(1), reader.GetInt32(2),
                [reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)]));
        }, cancellationToken);

        var choices = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        await ForEachRowAsync(snapshot, """
            SELECT a.goal_id, c.value, COUNT(*)
            FROM results_answers a, json_each(a.document, '$.value.choices') c
            WHERE a.kind = 'choice' AND a.goal_id IN (SELECT value FROM json_each($goals))
            GROUP BY a.goal_id, c.value
            """, goals, reader =>
        {
            var goal = reader.GetString(0);
            if (!choices.TryGetValue(goal, out var counts))
            {
                choices[goal] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            counts[reader.GetString(1)] = reader.GetInt32(2);
        }, cancellationToken);

        var texts = new Dictionary<string, List<TallyText>>(StringComparer.Ordinal);
        await ForEachRowAsync(snapshot, """
            SELECT goal_id, json_extract(document, '$.value.text'), answer_key
            FROM results_answers
            WHERE kind = 'text' AND goal_id IN (SELECT value FROM json_each($goals))
              -- Interview statements are shown only with the interviewee's consent, which the evaluation decides.
              AND COALESCE(json_extract(document, '$.channel'), '') <> 'interview'
            ORDER BY goal_id, answered_at, answer_key
            """, goals, reader =>
        {
            Add(texts, reader.GetString(0), new TallyText(reader.GetString(2), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }, cancellationToken);

        var rules = await summaryRules.CurrentAsync(cancellationToken);
        return goalIds.Select(goal => GoalSummaryCalculator.FromTally(tallies.TryGetValue(goal, out var tally)
            ? tally with
            {
                Departments = departments.TryGetValue(goal, out var d) ? d : [],
                ChoiceCounts = choices.TryGetValue(goal, out var c) ? c : new Dictionary<string, int>(),
                Texts = texts.TryGetValue(goal, out var t) ? t : [],
            }
            : GoalTally.Empty(goal), rules)).ToList();
    }

    /// <summary>UTC to the second, fixed width: sorts as text in time order (answers are stored in whole seconds).</summary>

    private static async Task ForEachRowAsync(SqliteTransaction transaction, string sql, string goals, Action<SqliteDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$goals", goals);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> byGoal, string goal, T item)
    {
        if (!byGoal.TryGetValue(goal, out var list))
        {
            byGoal[goal] = list = [];
        }
        list.Add(item);
    }

    /// <summary>Summaries are computed when read, so there is no stored view to bring up to date.</summary>
    public Task RefreshSummariesAsync(IReadOnlyCollection<string> goalIds, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Summaries are computed when read, so the delete alone is enough for counts to follow.</summary>
    public async Task<int> DeleteNamedAnswersAsync(string? respondentKey, CancellationToken cancellationToken)
    {
        var person = NamedAnswers.PersonOrAll(respondentKey);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM results_answers
            WHERE respondent_key NOT LIKE 'anon-%' AND ($person IS NULL OR lower(respondent_key) = $person)
            """;
        command.Parameters.AddWithValue("$person", (object?)person ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
