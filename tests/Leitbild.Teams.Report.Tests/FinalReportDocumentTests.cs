using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Leitbild.Teams.App.Evaluation.Report;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Report.Tests.Support;

namespace Leitbild.Teams.Report.Tests;

public sealed class FinalReportDocumentTests
{
    private static byte[] DemoReport() => FinalReport.Build(EvaluationCalculator.Evaluate(ReportSamples.Demo()), ReportSamples.Template.Organisation);

    private static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void TheReportIsAValidOfficeOpenXmlPackage()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DemoReport()), false);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(8).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void TheReportUsesWordsOwnHeadingStylesSoTheCityCanEditIt()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DemoReport()), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);

        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal("heading 2", styles["Heading2"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        var used = document.MainDocumentPart.Document!.Body!.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Title", "Heading1", "Heading2", "Caption" }, used);
        Assert.NotEmpty(document.MainDocumentPart.ImageParts);
    }

    [Fact]
    public void TheReportContainsEveryFieldOfActionAndEveryGoalInItsFinalWording()
    {
        var evaluation = EvaluationCalculator.Evaluate(ReportSamples.Demo());
        var text = BodyText(FinalReport.Build(evaluation, ReportSamples.Template.Organisation));

        foreach (var field in evaluation.Fields)
        {
            Assert.Contains(field.Title.De, text);
        }
        foreach (var goal in evaluation.AllGoals)
        {
            Assert.Contains(goal.GoalId, text);
            Assert.Contains(goal.State == GoalState.Active ? goal.FinalText.De : goal.SeedText.De, text);
        }
        Assert.Contains("Bergkamen wird bis 2045 klimaneutral – die Verwaltung bereits bis 2035.", text);
        Assert.Contains("erfundene Beispieldaten", text);
    }

    [Fact]
    public void TheReportShowsActualDatesAndMarksPlannedOnes()
    {
        var text = BodyText(DemoReport());

        Assert.Contains("12.03.2024 – 03.05.2024", text);
        Assert.Contains("25.06.2024", text);
        Assert.Contains("01.07.2024 – 30.08.2024 (geplant)", text);
    }

    [Fact]
    public void AnOfficeOrDezernatWithFourRespondentsDoesNotAppearNorDoesTheOneThatWouldRevealIt()
    {
        var text = BodyText(FinalReport.Build(EvaluationCalculator.Evaluate(ReportSamples.SmallGroups()), ReportSamples.Template.Organisation));

        Assert.DoesNotContain("StA 20", text);
        Assert.DoesNotContain("StA 40", text);
        Assert.DoesNotContain("Dezernat I – Zentrale Dienste und Finanzen", text);
        Assert.DoesNotContain("Dezernat II – Bildung, Soziales und Ordnung", text);
        Assert.Contains("StA 61", text);
        Assert.Contains("Dezernat IV – Bauen – Stadtentwicklung – Klimaschutz", text);
    }

    [Fact]
    public void QuotesAppearOnlyWithConsentAndNamesOnlyWithConsentToBeNamed()
    {
        var input = ReportSamples.Demo();
        var text = BodyText(FinalReport.Build(EvaluationCalculator.Evaluate(input), ReportSamples.Template.Organisation));

        foreach (var statement in input.Statements)
        {
            var quoted = text.Contains($"„{statement.Text}“", StringComparison.Ordinal);
            Assert.Equal(statement.Consent != StatementConsent.CountOnly || input.Statements.Any(s => s.Text == statement.Text && s.Consent != StatementConsent.CountOnly), quoted);
        }
        foreach (var named in input.Statements.Where(s => s.Consent == StatementConsent.QuoteWithName))
        {
            Assert.Contains(named.NamedAs!, text);
        }
        var neverNamed = input.Statements.Where(s => s.Consent != StatementConsent.QuoteWithName).Select(s => s.NamedAs).OfType<string>();
        Assert.Empty(neverNamed);
    }

    [Fact]
    public void TheSameDataGivesTheSameDocument()
    {
        var first = DemoReport();
        var second = FinalReport.Build(EvaluationCalculator.Evaluate(ReportSamples.Demo() with { Answers = ReportSamples.Demo().Answers.Reverse().ToList() }), ReportSamples.Template.Organisation);

        // Structure first (parts and their XML), which is what matters; with fixed entry times the bytes match too.
        using var a = new ZipArchive(new MemoryStream(first));
        using var b = new ZipArchive(new MemoryStream(second));
        Assert.Equal(a.Entries.Select(e => e.FullName), b.Entries.Select(e => e.FullName));
        foreach (var entry in a.Entries)
        {
            using var left = new StreamReader(entry.Open());
            using var right = new StreamReader(b.GetEntry(entry.FullName)!.Open());
            Assert.True(left.ReadToEnd() == right.ReadToEnd(), $"{entry.FullName} differs");
        }
        Assert.Equal(first, second);
    }

    [Fact]
    public void DocumentPropertiesComeFromTheDataNotTheClock()
    {
        var evaluation = EvaluationCalculator.Evaluate(ReportSamples.Demo());
        using var document = WordprocessingDocument.Open(new MemoryStream(FinalReport.Build(evaluation, ReportSamples.Template.Organisation)), false);

        Assert.Equal(evaluation.AsOf.UtcDateTime, document.PackageProperties.Created);
        Assert.Equal(evaluation.AsOf.UtcDateTime, document.PackageProperties.Modified);
        Assert.Equal("Abschlussbericht – Leitbildprozess Bergkamen 2024", document.PackageProperties.Title);
    }

    [Fact]
    public void TheSummaryListsTheFinalGoalsAndEscapesHtml()
    {
        var evaluation = EvaluationCalculator.Evaluate(ReportSamples.Demo());
        var markdown = SummaryWriter.Markdown(evaluation);
        var html = SummaryWriter.Html(evaluation with
        {
            Fields = [evaluation.Fields[0] with { Title = new("<script>alert(1)</script>", "x") }],
        });

        Assert.Contains("Bergkamen wird bis 2045 klimaneutral – die Verwaltung bereits bis 2035.", markdown);
        Assert.DoesNotContain("Ehemalige Zechen", markdown.Split("## ")[1].Contains("wirtschaft-3", StringComparison.Ordinal) ? "x" : "Gründungen und lokaler Handel werden gezielt unterstützt.", StringComparison.Ordinal);
        Assert.DoesNotContain("Gründungen und lokaler Handel werden gezielt unterstützt.", markdown);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }
}
