using System.Text.Json;
using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Privacy;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Privacy;

/// <summary>
/// The privacy verbs, over the same SQLite file the app uses (Leitbild:DatabasePath) unless --database names another:
/// <c>privacy-record</c> writes the record of processing, <c>retention</c> deletes what retention covers when it is due,
/// <c>person-data</c> exports or erases one person's data. Messages in German and English (a terminal has no language).
/// </summary>
public static class PrivacyVerbs
{
    public const string RecordName = "privacy-record";
    public const string RetentionName = "retention";
    public const string PersonName = "person-data";

    public static string RecordHelp => EvaluationCli.Both("privacy.cli.record.help");
    public static string RetentionHelp => EvaluationCli.Both("privacy.cli.retention.help");
    public static string PersonHelp => EvaluationCli.Both("privacy.cli.person.help");

    /// <summary>The operator at the terminal: a member of the planning team, as far as the services are concerned.</summary>
    private static readonly Actor Operator = new() { PersonId = "cli", Roles = new HashSet<Role> { Role.Staff, Role.Organizer } };

    public static async Task<int> RecordAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (options, problem) = EvaluationCli.Parse(arguments, Set("--out", "--format", "--lang", "--database"), Set());
        if (options is null || !options.TryGetValue("--out", out var outPath) || outPath is null)
        {
            await error.WriteLineAsync(problem ?? EvaluationCli.Both("privacy.cli.outMissing"));
            await error.WriteLineAsync(RecordHelp);
            return 2;
        }
        var format = options.GetValueOrDefault("--format") ?? (Path.GetExtension(outPath).Equals(".md", StringComparison.OrdinalIgnoreCase) ? "md" : "html");
        var language = options.GetValueOrDefault("--lang") ?? "de";
        if (format is not ("md" or "html") || language is not ("de" or "en"))
        {
            await error.WriteLineAsync(RecordHelp);
            return 2;
        }
        return await WithServicesAsync(options, error, cancellationToken, async services =>
        {
            var input = await services.GetRequiredService<ProcessingRecordSource>().ReadAsync(cancellationToken);
            var text = format == "md" ? ProcessingRecord.Markdown(input, language) : ProcessingRecord.Html(input, language);
            await File.WriteAllTextAsync(outPath, text, cancellationToken);
            await output.WriteLineAsync(EvaluationCli.Both("privacy.cli.record.written", Path.GetFullPath(outPath)));
            return 0;
        });
    }

    public static async Task<int> RetentionAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (options, problem) = EvaluationCli.Parse(arguments, Set("--database"), Set());
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(RetentionHelp);
            return 2;
        }
        return await WithServicesAsync(options, error, cancellationToken, async services =>
        {
            var days = services.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays;
            var changed = await RetentionRun.RunAsync(services, days, cancellationToken);
            if (changed is null)
            {
                var due = await services.GetRequiredService<PersonalDataService>().RetentionDueOnAsync(days, cancellationToken);
                await output.WriteLineAsync(due is { } day
                    ? EvaluationCli.Both("privacy.cli.retention.notYet", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    : EvaluationCli.Both("privacy.cli.retention.running"));
                return 0;
            }
            await output.WriteLineAsync(EvaluationCli.Both("privacy.cli.retention.done", changed.Values.Sum()));
            foreach (var (table, rows) in changed.Where(c => c.Value > 0))
            {
                await output.WriteLineAsync($"  {table}: {rows}");
            }
            return 0;
        });
    }

    public static async Task<int> PersonAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (options, problem) = EvaluationCli.Parse(arguments, Set("--person", "--export", "--database"), Set("--erase"));
        var person = options?.GetValueOrDefault("--person");
        var export = options?.GetValueOrDefault("--export");
        if (options is null || person is null || (export is null) == !options.ContainsKey("--erase"))
        {
            await error.WriteLineAsync(problem ?? PersonHelp);
            return 2;
        }
        return await WithServicesAsync(options, error, cancellationToken, async services =>
        {
            var service = services.GetRequiredService<PersonalDataService>();
            var audit = services.GetRequiredService<SqliteAuditLog>();
            try
            {
                if (export is not null)
                {
                    var data = await service.ExportAsync(Operator, person, cancellationToken);
                    var view = new PrivacyApi.ExportView(data.PersonId, data.CreatedAt, Localization.Texts.Get("privacy.export.anonymous", "de"), Localization.Texts.Get("privacy.export.scope", "de"), data.Stores);
                    await File.WriteAllTextAsync(export, JsonSerializer.Serialize(view, StoredValues.Json), cancellationToken);
                    await audit.AppendAsync(Operator.PersonId, false, "person-data --export", new Dictionary<string, string> { ["personId"] = data.PersonId }, StatusCodes.Status200OK, cancellationToken);
                    await output.WriteLineAsync(EvaluationCli.Both("privacy.cli.person.exported", Path.GetFullPath(export)));
                    return 0;
                }
                var changed = await service.EraseAsync(Operator, person, cancellationToken);
                await audit.AppendAsync(Operator.PersonId, false, "person-data --erase", new Dictionary<string, string> { ["personId"] = Guid.Parse(person).ToString("D") }, StatusCodes.Status200OK, cancellationToken);
                await output.WriteLineAsync(EvaluationCli.Both("privacy.cli.person.erased", changed.Values.Sum()));
                return 0;
            }
            catch (ProblemException e)
            {
                await error.WriteLineAsync(string.Join(" ", e.Problems.Select(p => EvaluationCli.Both(p.TextKey, [.. p.Args]))));
                return 2;
            }
        });
    }

    private static async Task<int> WithServicesAsync(Dictionary<string, string?> options, TextWriter error, CancellationToken cancellationToken, Func<IServiceProvider, Task<int>> run)
    {
        var builder = WebApplication.CreateBuilder();
        if (options.GetValueOrDefault("--database") is { } database)
        {
            builder.Configuration[$"{LeitbildOptions.Section}:{nameof(LeitbildOptions.DatabasePath)}"] = database;
        }
        builder.AddLeitbildServices();
        await using var app = builder.Build();
        var path = Path.GetFullPath(app.Services.GetRequiredService<IOptions<LeitbildOptions>>().Value.DatabasePath);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync(EvaluationCli.Both("privacy.cli.noDatabase", path));
            return 2;
        }
        try
        {
            _ = app.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync(string.Join("; ", e.Failures));
            return 2;
        }
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        return await run(app.Services);
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
