using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using Microsoft.Data.Sqlite;

namespace Leitbild.Teams.App.Polls;

public sealed class SqlitePollAnswerView(SqliteDatabase database) : IPollAnswerView
{
    public async Task SaveAsync(IReadOnlyList<Answer> answers, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var answer in answers)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO poll_answers(answer_key, poll_id, respondent_key, document) VALUES ($key, $poll, $respondent, $doc)
                ON CONFLICT(answer_key) DO UPDATE SET document = excluded.document
                """;
            command.Parameters.AddWithValue("$key", answer.Key);
            command.Parameters.AddWithValue("$poll", answer.PollId);
            command.Parameters.AddWithValue("$respondent", answer.RespondentKey);
            command.Parameters.AddWithValue("$doc", ResultsJson.Serialize(answer.Normalized()));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Answer>> ForRespondentAsync(string pollId, string respondentKey, CancellationToken cancellationToken) =>
        ReadAsync("SELECT document FROM poll_answers WHERE poll_id = $poll AND respondent_key = $respondent ORDER BY answer_key",
            pollId, respondentKey, cancellationToken);

    public Task<IReadOnlyList<Answer>> ForPollAsync(string pollId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT document FROM poll_answers WHERE poll_id = $poll ORDER BY answer_key", pollId, null, cancellationToken);

    private async Task<IReadOnlyList<Answer>> ReadAsync(string sql, string pollId, string? respondentKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$poll", pollId);
        if (respondentKey is not null)
        {
            command.Parameters.AddWithValue("$respondent", respondentKey);
        }
        var answers = new List<Answer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(ResultsJson.Deserialize(reader.GetString(0)));
        }
        return answers;
    }
}
