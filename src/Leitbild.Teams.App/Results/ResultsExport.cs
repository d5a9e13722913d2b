using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>A sheet to export: headers and rows of cells (text, whole or decimal numbers, or empty).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public ExportTable WithoutColumn(int index) => this with
    {
        Headers = [.. Headers.Where((_, i) => i != index)],
        Rows = [.. Rows.Select(row => (IReadOnlyList<object?>)[.. row.Where((_, i) => i != index)])],
    };
}

/// <summary>
/// Answers and goal summaries as tables, written as CSV for German Excel (UTF-8 with BOM, ';' between fields,
/// decimal comma) or as XLSX (Open XML SDK). Times are shown in Europe/Berlin.
/// </summary>
public static class ResultsExport
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Every answer, one row each. <paramref name="withRespondent"/> false leaves the respondent key out (guests).</summary>
    public static ExportTable AnswersTable(IEnumerable<Answer> answers, string? language, bool withRespondent = true)
    {
        string[] columns = ["poll", "question", "goal", "fieldOfAction", "kind", "rating", "choices", "rank", "text", "department", "respondent", "answeredAt", "phase", "channel", "appVersion"];
        var respondent = Array.IndexOf(columns, "respondent");
        var table = new ExportTable(
            Texts.Get("results.sheet.answers", language),
            [.. columns.Select(c => Texts.Get("results.column." + c, language))],
            answers.Select(a => (IReadOnlyList<object?>)
            [
                a.PollId, a.QuestionId, a.GoalId, a.FieldOfActionId,
                Texts.Get("results.kind." + CamelCase(a.Value.Kind.ToString()), language),
                a.Value.Rating, a.Value.Kind == AnswerKind.Choice ? string.Join(" | ", a.Value.Choices) : null, a.Value.Rank, a.Value.Text,
                a.DepartmentId, a.RespondentKey,
                TimeZoneInfo.ConvertTime(a.AnsweredAt, Berlin).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                a.PhaseId, Texts.Get("results.channel." + CamelCase(a.Channel.ToString()), language), a.AppVersion,
            ]).ToList());
        return withRespondent ? table : table.WithoutColumn(respondent);
    }

    /// <summary>One row per goal over all offices, then one per office that may be shown (minimum group size).</summary>
    public static ExportTable SummaryTable(IEnumerable<GoalSummary> summaries, string? language)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in summaries)
        {
            if (s.TooFewRespondents)
            {
                // Below the minimum group size only the number of people is given; empty cells, not zeros, elsewhere.
                rows.Add([s.GoalId, Texts.Get("results.department.all", language), s.FieldOfActionId, null, s.RespondentCount, null, null, null,
                    null, null, null, null, null, Texts.Get("results.tooFewAnswers", language)]);
                continue;
            }
            rows.Add([s.GoalId, Texts.Get("results.department.all", language), s.FieldOfActionId, s.AnswerCount, s.RespondentCount, s.RatingCount, s.NoAnswerCount, s.MeanRating,
                s.Distribution[0], s.Distribution[1], s.Distribution[2], s.Distribution[3], s.Distribution[4], string.Join("\n", s.Comments)]);
            foreach (var d in s.Departments)
            {
                rows.Add([s.GoalId, d.DepartmentId, s.FieldOfActionId, null, d.RespondentCount, d.RatingCount, null, d.MeanRating,
                    d.Distribution[0], d.Distribution[1], d.Distribution[2], d.Distribution[3], d.Distribution[4], null]);
            }
        }
        string[] headers = ["goal", "department", "fieldOfAction", "answers", "respondents", "ratings", "noAnswer", "mean"];
        return new ExportTable(Texts.Get("results.sheet.summary", language),
            [.. headers.Select(c => Texts.Get("results.column." + c, language)), "1", "2", "3", "4", "5", Texts.Get("results.column.comments", language)],
            rows);
    }

    public static byte[] ToCsv(ExportTable table)
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        var text = new StringBuilder();
        text.AppendJoin(';', table.Headers.Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(';', row.Select(cell => cell switch
            {
                null => "",
                double d => d.ToString("0.##", german),
                IFormattable f => f.ToString(null, german),
                _ => Quote(Defuse(cell.ToString() ?? "")),
            })).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx(params ExportTable[] tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(Row(table.Headers));
                foreach (var row in table.Rows)
                {
                    data.AppendChild(Row(row));
                }
                part.Worksheet = new Worksheet(data);
                sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = table.Name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.AppendChild(cell switch
            {
                null => new Cell(),
                int or double or long => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDouble(cell, CultureInfo.InvariantCulture)),
                },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(cell.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }
        return row;
    }

    /// <summary>
    /// XML 1.0 cannot hold control characters or the noncharacters U+FFFE/U+FFFF; one such character in a comment made
    /// every later export fail. They carry no meaning for a reader, so they are dropped (surrogate pairs are kept).
    /// </summary>
    private static string XmlSafe(string value)
    {
        if (value.All(XmlConvert.IsXmlChar))
        {
            return value;
        }
        var safe = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                safe.Append(value[i]);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                safe.Append(value[i]).Append(value[i + 1]);
                i++;
            }
        }
        return safe.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Free text opened in Excel must not run as a formula (CSV injection): a leading =, +, -, @ is quoted.</summary>
    private static string Defuse(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
