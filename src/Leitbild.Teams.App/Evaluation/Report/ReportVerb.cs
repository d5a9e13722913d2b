using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Storage;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>
/// <c>report --out bericht.docx [--format docx|md|html] [--database leitbild.db]</c>: writes the Abschlussbericht (or the
/// short summary) from the app's SQLite file, the same one the app uses (Leitbild:DatabasePath) unless --database names another.
/// </summary>
public static class ReportVerb
{
    public const string Name = "report";
    public const string Help = "Schreibt den Abschlussbericht / writes the final report: --out <Datei/file> [--format docx|md|html] [--database <SQLite-Datei/file>]";

    private const string Usage = "Aufruf / usage: report --out bericht.docx [--format docx|md|html] [--database leitbild.db]";

    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (options, problem) = EvaluationCli.Parse(arguments, new HashSet<string>(StringComparer.Ordinal) { "--out", "--format", "--database" }, new HashSet<string>(StringComparer.Ordinal));
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!options.TryGetValue("--out", out var outPath) || outPath is null)
        {
            await error.WriteLineAsync("--out fehlt: wohin soll der Bericht geschrieben werden? / --out is missing: where should the report go?");
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var format = options.GetValueOrDefault("--format") ?? FormatFrom(outPath);
        if (format is not ("docx" or "md" or "html"))
        {
            await error.WriteLineAsync($"--format „{format}“ ist unbekannt; erlaubt: docx, md, html / --format '{format}' is unknown; allowed: docx, md, html.");
            return 2;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (folder is not null && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"Der Ordner „{folder}“ existiert nicht / the folder '{folder}' does not exist.");
            return 2;
        }

        await using var services = EvaluationCli.Services(options.GetValueOrDefault("--database"));
        var database = EvaluationCli.DatabasePath(services);
        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"Die Datenbank „{database}“ gibt es nicht; bitte die App einmal starten oder --database angeben / the database '{database}' does not exist; start the app once or give --database.");
            return 2;
        }
        try
        {
            _ = services.GetRequiredService<IOptions<LeitbildOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Einstellungen ungültig / invalid settings: " + string.Join("; ", e.Failures));
            return 2;
        }
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        var reports = services.GetRequiredService<ReportService>();
        var evaluation = await reports.EvaluateAsync(cancellationToken);
        if (evaluation is null)
        {
            await error.WriteLineAsync("Die Datenbank enthält keinen Prozess; bitte die App einmal starten / the database holds no process; start the app once.");
            return 1;
        }
        var directory = services.GetRequiredService<Core.Process.IDirectory>();
        byte[] bytes = format switch
        {
            "docx" => FinalReport.Build(evaluation, await directory.GetOrganisationAsync(cancellationToken)),
            "md" => System.Text.Encoding.UTF8.GetBytes(SummaryWriter.Markdown(evaluation)),
            _ => System.Text.Encoding.UTF8.GetBytes(SummaryWriter.Html(evaluation)),
        };
        await File.WriteAllBytesAsync(outPath, bytes, cancellationToken);
        await output.WriteLineAsync($"Bericht geschrieben / report written: {Path.GetFullPath(outPath)} ({bytes.Length} Bytes)");
        if (evaluation.ContainsSampleData)
        {
            await output.WriteLineAsync("Hinweis: enthält erfundene Beispieldaten (seed-demo) / note: contains made-up sample data (seed-demo).");
        }
        return 0;
    }

    private static string FormatFrom(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" => "md",
        ".html" or ".htm" => "html",
        _ => "docx",
    };
}
