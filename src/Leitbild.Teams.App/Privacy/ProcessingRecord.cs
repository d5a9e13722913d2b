using System.Text;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;

namespace Leitbild.Teams.App.Privacy;

/// <summary>What the record of processing is built from: the settings and the tables that exist in the database.</summary>
public sealed record ProcessingRecordInput
{
    public required LeitbildOptions App { get; init; }
    public required PrivacyOptions Privacy { get; init; }
    public required IReadOnlyList<string> Tables { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The day the process ended, or null while it runs.</summary>
    public DateOnly? ProcessEndedOn { get; init; }
}

/// <summary>
/// The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30(1) DSGVO) as Markdown or
/// HTML, from the deployment itself: the mode, SharePoint, the directory sync and the retention period come from the
/// settings; the categories of data from the catalogue of the tables that really exist (<see cref="StoredDataCatalogue"/>).
/// All wording is in the texts files (German default, English second).
/// </summary>
public static class ProcessingRecord
{
    private abstract record Block;
    private sealed record Heading(string Text) : Block;
    private sealed record Paragraph(string Text) : Block;
    private sealed record Bullets(IReadOnlyList<string> Items) : Block;
    private sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

    public static string Markdown(ProcessingRecordInput input, string language)
    {
        var text = new StringBuilder();
        foreach (var block in Blocks(input, language))
        {
            switch (block)
            {
                case Heading h when text.Length == 0:
                    text.Append("# ").AppendLine(h.Text).AppendLine();
                    break;
                case Heading h:
                    text.Append("## ").AppendLine(h.Text).AppendLine();
                    break;
                case Paragraph p:
                    text.AppendLine(p.Text).AppendLine();
                    break;
                case Bullets b:
                    foreach (var item in b.Items)
                    {
                        text.Append("- ").AppendLine(item);
                    }
                    text.AppendLine();
                    break;
                case Table t:
                    text.Append("| ").Append(string.Join(" | ", t.Header.Select(Cell))).AppendLine(" |");
                    text.Append('|').Append(string.Concat(t.Header.Select(_ => "---|"))).AppendLine();
                    foreach (var row in t.Rows)
                    {
                        text.Append("| ").Append(string.Join(" | ", row.Select(Cell))).AppendLine(" |");
                    }
                    text.AppendLine();
                    break;
            }
        }
        return text.ToString();
    }

    public static string Html(ProcessingRecordInput input, string language)
    {
        var body = new StringBuilder();
        var first = true;
        foreach (var block in Blocks(input, language))
        {
            switch (block)
            {
                case Heading h:
                    body.Append(first ? "<h1>" : "<h2>").Append(Encode(h.Text)).AppendLine(first ? "</h1>" : "</h2>");
                    first = false;
                    break;
                case Paragraph p:
                    body.Append("<p>").Append(Encode(p.Text)).AppendLine("</p>");
                    break;
                case Bullets b:
                    body.AppendLine("<ul>");
                    foreach (var item in b.Items)
                    {
                        body.Append("<li>").Append(Encode(item)).AppendLine("</li>");
                    }
                    body.AppendLine("</ul>");
                    break;
                case Table t:
                    body.Append("<table><thead><tr>").Append(string.Concat(t.Header.Select(c => $"<th scope=\"col\">{Encode(c)}</th>"))).AppendLine("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                    {
                        body.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Encode(c)}</td>"))).AppendLine("</tr>");
                    }
                    body.AppendLine("</tbody></table>");
                    break;
            }
        }
        var lang = Texts.IsEnglish(language) ? "en" : "de";
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(T("privacy.record.title", language))}</title>
            <style>body{"{"}font-family:"Segoe UI",system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424{"}"}table{"{"}border-collapse:collapse{"}"}th,td{"{"}border:1px solid #8a8886;padding:.25rem .5rem;text-align:left;vertical-align:top{"}"}</style>
            </head><body><main>
            {body}</main></body></html>
            """;
    }

    private static IEnumerable<Block> Blocks(ProcessingRecordInput input, string language)
    {
        var m365 = input.App.Mode == AppMode.Microsoft365;
        var sharePoint = m365 && !string.IsNullOrWhiteSpace(input.App.Microsoft365.SharePointSiteId);
        var unset = T("privacy.record.notSet", language);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(Texts.IsEnglish(language) ? "en" : "de-DE");

        yield return new Heading(T("privacy.record.title", language));
        yield return new Paragraph(F("privacy.record.generated", language, input.CreatedAt.ToString("d", culture), typeof(ProcessingRecord).Assembly.GetName().Version?.ToString() ?? "?"));

        yield return new Heading(T("privacy.record.controller.heading", language));
        yield return new Bullets([
            F("privacy.record.controller.name", language, input.Privacy.Controller ?? input.App.OrganisationName),
            F("privacy.record.controller.dpo", language, input.Privacy.DataProtectionOfficer ?? F("privacy.record.notSetNamed", language, "Leitbild:Privacy:DataProtectionOfficer")),
        ]);

        yield return new Heading(T("privacy.record.purpose.heading", language));
        yield return new Paragraph(T("privacy.record.purpose.text", language));
        yield return new Paragraph(T("privacy.record.legalBasis", language));

        yield return new Heading(T("privacy.record.subjects.heading", language));
        yield return new Bullets([T("privacy.record.subjects.staff", language), T("privacy.record.subjects.organizers", language), T("privacy.record.subjects.reviewers", language)]);

        yield return new Heading(T("privacy.record.categories.heading", language));
        var declared = StoredDataCatalogue.All.Where(t => input.Tables.Contains(t.Name, StringComparer.Ordinal)).ToList();
        var categories = declared.SelectMany(t => t.Holds).Distinct().Order().ToList();
        yield return new Table(
            [T("privacy.record.col.category", language), T("privacy.record.col.stored", language), T("privacy.record.col.retention", language)],
            [.. categories.Select(c => (IReadOnlyList<string>)[
                T($"privacy.category.{Key(c)}", language),
                Where(c, declared, sharePoint, language),
                Treatment(declared.Where(t => t.Holds.Contains(c)), language)])]);
        if (m365)
        {
            yield return new Paragraph(F("privacy.record.directorySync", language, input.App.Microsoft365.DirectorySyncMinutes));
        }

        yield return new Heading(T("privacy.record.recipients.heading", language));
        yield return new Bullets([
            T("privacy.record.recipients.roles", language),
            .. m365 ? [T("privacy.record.recipients.microsoft", language)] : new[] { T("privacy.record.recipients.local", language) },
            .. sharePoint ? [T("privacy.record.recipients.sharePoint", language)] : Array.Empty<string>(),
        ]);

        yield return new Heading(T("privacy.record.transfer.heading", language));
        yield return new Paragraph(T(m365 ? "privacy.record.transfer.microsoft" : "privacy.record.transfer.none", language));

        yield return new Heading(T("privacy.record.deletion.heading", language));
        yield return new Paragraph(F("privacy.record.deletion.rule", language, input.Privacy.RetentionDays));
        yield return new Paragraph(input.ProcessEndedOn is { } ended
            ? F("privacy.record.deletion.due", language, ended.ToString("d", culture), ended.AddDays(input.Privacy.RetentionDays).ToString("d", culture))
            : T("privacy.record.deletion.running", language));
        yield return new Paragraph(T("privacy.record.deletion.person", language));
        if (sharePoint)
        {
            yield return new Paragraph(T("privacy.record.deletion.sharePoint", language));
        }

        yield return new Heading(T("privacy.record.measures.heading", language));
        yield return new Bullets([.. Enumerable.Range(1, 7).Select(i => T($"privacy.record.measures.{i}", language))]);

        yield return new Heading(T("privacy.record.tables.heading", language));
        yield return new Paragraph(F("privacy.record.tables.text", language, input.App.DatabasePath is { Length: > 0 } path ? Path.GetFileName(path) : unset));
        yield return new Table(
            [T("privacy.record.col.table", language), T("privacy.record.col.category", language), T("privacy.record.col.retention", language)],
            [.. declared.Select(t => (IReadOnlyList<string>)[
                t.Name,
                string.Join(", ", t.Holds.Select(c => T($"privacy.category.{Key(c)}", language))),
                T($"privacy.treatment.{Key(t.Retention)}", language)])]);
    }

    private static string Where(DataCategory category, IEnumerable<StoredTable> tables, bool sharePoint, string language)
    {
        var names = string.Join(", ", tables.Where(t => t.Holds.Contains(category)).Select(t => t.Name));
        var inList = sharePoint && category is DataCategory.NamedAnswers or DataCategory.AnonymousAnswers or DataCategory.InterviewNotes;
        return inList ? F("privacy.record.storedWithSharePoint", language, names) : F("privacy.record.storedSqlite", language, names);
    }

    private static string Treatment(IEnumerable<StoredTable> tables, string language) =>
        string.Join("; ", tables.Select(t => t.Retention).Distinct().Order().Select(r => T($"privacy.treatment.{Key(r)}", language)));

    private static string Key<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    // Markup characters only: umlauts stay readable in the source of the page.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string value) => Encoder.Encode(value);

    private static string T(string key, string language) => Texts.Get(key, language);

    private static string F(string key, string language, params object[] args) => Texts.Format(key, language, args);
}
