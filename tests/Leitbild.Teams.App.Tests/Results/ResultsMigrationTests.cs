using System.Globalization;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.App.Tests.Fakes;
using Leitbild.Teams.Core.Results;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.App.Tests.Results;

public sealed class ResultsMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"leitbild-results-upgrade-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnswersStoredBeforeTheAggregateColumnsExistedAreCountedAfterTheUpgrade()
    {
        var database = new SqliteDatabase(_path);
        var before = ResultsMigrations.All.Where(m => m.Version < 202).ToList();
        await new MigrationRunner(database, [.. ProcessMigrations.All, .. before], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var answers = ResultsStoreContract.VariedAnswers().Select(a => a.Normalized()).ToList();
        // As the store wrote them before version 202: the document and the filter columns only.
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            foreach (var answer in answers)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO results_answers(answer_key, poll_id, goal_id, department_id, document, stored_at) VALUES ($key, $poll, $goal, $department, $document, $at)
                    ON CONFLICT(answer_key) DO UPDATE SET document = excluded.document
                    """;
                insert.Parameters.AddWithValue("$key", answer.Key);
                insert.Parameters.AddWithValue("$poll", answer.PollId);
                insert.Parameters.AddWithValue("$goal", answer.GoalId);
                insert.Parameters.AddWithValue("$department", (object?)answer.DepartmentId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$document", ResultsJson.Serialize(answer));
                insert.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await insert.ExecuteNonQueryAsync();
            }
        }

        await new MigrationRunner(database, [.. ProcessMigrations.All, .. ResultsMigrations.All], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var store = new SqliteResultsStore(database, FixedHiddenComments.Standard(), TimeProvider.System);
        var summaries = await store.ReadGoalSummariesAsync(["klima-1", "wohnen-1"], CancellationToken.None);

        var latest = answers.GroupBy(a => a.Key).Select(g => g.Last()).ToList();
        Assert.All(summaries, s => Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(GoalSummaryCalculator.Compute(s.GoalId, latest, SummaryRules.Standard)),
            System.Text.Json.JsonSerializer.Serialize(s)));
        Assert.Equal(latest.Count(a => a.GoalId == "klima-1"), summaries[0].AnswerCount);
    }
}
