using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>
/// <c>seed-demo [--database leitbild.db] [--remove]</c>: fills a local database with clearly marked, made-up sample data
/// (see <see cref="DemoData"/>) so the tab and the report can be looked at, or removes it again. Refuses a database that
/// holds real answers, notes or outcomes: sample data is never mixed into real data. Local mode only.
/// </summary>
public static class SeedDemoVerb
{
    public const string Name = "seed-demo";
    public static string Help => EvaluationCli.Both("evaluation.cli.seedDemo.help");

    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (options, problem) = EvaluationCli.Parse(arguments, new HashSet<string>(StringComparer.Ordinal) { "--database" }, new HashSet<string>(StringComparer.Ordinal) { "--remove" });
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.usage"));
            return 2;
        }
        await using var services = EvaluationCli.Services(options.GetValueOrDefault("--database"));
        if (services.GetRequiredService<IOptions<LeitbildOptions>>().Value.Mode != AppMode.Local)
        {
            await error.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.localOnly"));
            return 2;
        }
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        var database = services.GetRequiredService<SqliteDatabase>();
        if (options.ContainsKey("--remove"))
        {
            var removed = await RemoveAsync(database, cancellationToken);
            await output.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.removed", removed));
            return 0;
        }

        var template = TemplateFiles.Load(services.GetRequiredService<IOptions<LeitbildOptions>>().Value.TemplatePath);
        await services.GetRequiredService<SqliteProcessStore>().SeedAsync(template, cancellationToken);
        await services.GetRequiredService<SeededDirectory>().SeedAsync(template.Organisation, cancellationToken);
        var (real, sample) = await CountAsync(database, cancellationToken);
        if (real > 0)
        {
            await error.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.realData", real));
            return 1;
        }
        if (sample > 0)
        {
            await output.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.alreadyThere"));
            return 0;
        }

        var processes = services.GetRequiredService<ISeededProcessStore>();
        var process = await processes.RequireRunningAsync(services.GetRequiredService<TimeProvider>(), cancellationToken);
        var seed = (await processes.GetGoalsAsync(process.Id, cancellationToken))!;
        var organisation = await services.GetRequiredService<SeededDirectory>().GetOrganisationAsync(cancellationToken);
        var set = DemoData.Build(process, seed, organisation);

        // Straight into the local store: the outbox exists to deliver to SharePoint, and sample data never goes there.
        await services.GetRequiredService<SqliteResultsStore>().UpsertManyAsync(set.Answers.Select(a => new Core.Results.AnswerWrite(a, MayExist: true)).ToList(), cancellationToken);
        var notes = services.GetRequiredService<IInterviewNotesStore>();
        foreach (var (interview, note) in set.Notes)
        {
            await notes.SaveAsync(interview, note, cancellationToken);
        }
        var history = services.GetRequiredService<IGoalHistoryStore>();
        foreach (var (outcome, at) in set.Outcomes)
        {
            // The same check as a recorded outcome; the sample set keeps it, so a failure here is a bug in DemoData.
            ProblemException.ThrowIfAny(GoalHistory.Problems(seed, process, await history.ListAsync(process.Id, cancellationToken), outcome));
            await history.AppendAsync(process.Id, outcome, "demo", at, isSample: true, cancellationToken);
        }
        await output.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.written", set.Answers.Count, set.Notes.Count, set.Outcomes.Count));
        await output.WriteLineAsync(EvaluationCli.Both("evaluation.cli.seedDemo.removeHint"));
        return 0;
    }

    private static async Task<(long Real, long Sample)> CountAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT COUNT(*) FROM results_answers WHERE json_extract(document, '$.appVersion') IS NOT $demo)
              + (SELECT COUNT(*) FROM evaluation_statements WHERE is_sample = 0)
              + (SELECT COUNT(*) FROM evaluation_goal_changes WHERE is_sample = 0),
              (SELECT COUNT(*) FROM results_answers WHERE json_extract(document, '$.appVersion') = $demo)
              + (SELECT COUNT(*) FROM evaluation_statements WHERE is_sample = 1)
              + (SELECT COUNT(*) FROM evaluation_goal_changes WHERE is_sample = 1)
            """;
        command.Parameters.AddWithValue("$demo", DemoData.AppVersion);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<int> RemoveAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        foreach (var sql in new[]
        {
            "DELETE FROM results_answers WHERE json_extract(document, '$.appVersion') = $demo",
            "DELETE FROM evaluation_statements WHERE is_sample = 1",
            "DELETE FROM evaluation_interviews WHERE is_sample = 1 AND NOT EXISTS (SELECT 1 FROM evaluation_statements s WHERE s.interview_id = evaluation_interviews.interview_id)",
            "DELETE FROM evaluation_goal_changes WHERE is_sample = 1",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$demo", DemoData.AppVersion);
            removed += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }
}
