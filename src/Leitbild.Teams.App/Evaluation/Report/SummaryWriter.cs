using System.Net;
using System.Text;
using Leitbild.Teams.Core.Evaluation;
using static Leitbild.Teams.App.Evaluation.Report.ReportFormat;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>A short summary of the evaluation for the tab and the intranet, as Markdown and as an HTML fragment.</summary>
public static class SummaryWriter
{
    public static string Markdown(ProcessEvaluation e)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(T("report.title.main")).Append(": ").Append(e.Process.Title.De).Append('\n').Append('\n');
        if (e.ContainsSampleData)
        {
            md.Append("**").Append(T("report.title.sampleData")).Append("**\n\n");
        }
        md.Append(F("report.title.asOf", Day(e.AsOf))).Append("\n\n");
        md.Append(F("report.summary.figures", Number(e.TotalInterviews), Number(e.TotalStatements), Number(e.TotalAnswers), Number(e.TotalParticipations))).Append("\n\n");
        md.Append("## ").Append(T("report.final.heading")).Append("\n\n");
        foreach (var field in e.Fields)
        {
            md.Append("### ").Append(Escape(field.Title.De)).Append("\n\n");
            foreach (var goal in field.Goals.Where(g => g.State == GoalState.Active))
            {
                md.Append("- ").Append(Escape(goal.FinalText.De));
                var details = new List<string>();
                if (goal.Priority is not null)
                {
                    details.Add($"{T("report.column.priority")}: {Priority(goal.Priority)}");
                }
                if (goal.Agreement.Ratings > 0)
                {
                    details.Add($"{T("report.column.agree")}: {Share(goal.Agreement.AgreeShare)}, {Level(goal.Agreement.Level)}");
                }
                if (details.Count > 0)
                {
                    md.Append(" (").Append(string.Join("; ", details)).Append(')');
                }
                md.Append('\n');
            }
            md.Append('\n');
        }
        return md.ToString();
    }

    public static string Html(ProcessEvaluation e)
    {
        var html = new StringBuilder();
        html.Append("<article class=\"leitbild-summary\" lang=\"de\">\n");
        html.Append("<h1>").Append(H(T("report.title.main"))).Append(": ").Append(H(e.Process.Title.De)).Append("</h1>\n");
        if (e.ContainsSampleData)
        {
            html.Append("<p><strong>").Append(H(T("report.title.sampleData"))).Append("</strong></p>\n");
        }
        html.Append("<p>").Append(H(F("report.title.asOf", Day(e.AsOf)))).Append("</p>\n");
        html.Append("<p>").Append(H(F("report.summary.figures", Number(e.TotalInterviews), Number(e.TotalStatements), Number(e.TotalAnswers), Number(e.TotalParticipations)))).Append("</p>\n");
        html.Append("<h2>").Append(H(T("report.final.heading"))).Append("</h2>\n");
        foreach (var field in e.Fields)
        {
            html.Append("<h3>").Append(H(field.Title.De)).Append("</h3>\n<ul>\n");
            foreach (var goal in field.Goals.Where(g => g.State == GoalState.Active))
            {
                html.Append("<li>").Append(H(goal.FinalText.De));
                if (goal.Agreement.Ratings > 0)
                {
                    html.Append(" <small>(").Append(H($"{T("report.column.agree")}: {Share(goal.Agreement.AgreeShare)}, {Level(goal.Agreement.Level)}")).Append(")</small>");
                }
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</article>\n");
        return html.ToString();
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Characters that would turn a goal's wording into Markdown syntax are escaped.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_[]<>#|".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
