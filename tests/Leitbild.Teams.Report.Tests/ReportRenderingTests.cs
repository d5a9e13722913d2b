using Leitbild.Teams.App.Evaluation.Report;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Report.Tests.Support;

namespace Leitbild.Teams.Report.Tests;

/// <summary>
/// The report as a reader sees it: LibreOffice (Debian libreoffice-writer-nogui, headless) turns the sample report
/// into a PDF, pdftoppm (poppler-utils) into PNG pages; the first pages and the Word file go to docs/report/.
/// </summary>
public sealed class ReportRenderingTests
{
    private const int PagesKept = 6;

    [Fact]
    public async Task TheSampleReportConvertsToPdfAndPngPagesInDocs()
    {
        var soffice = Tool.Require("/usr/bin/soffice", "libreoffice-writer-nogui");
        var pdftoppm = Tool.Require("/usr/bin/pdftoppm", "poppler-utils");
        var work = Directory.CreateTempSubdirectory("leitbild-report-");
        try
        {
            var docx = Path.Combine(work.FullName, "abschlussbericht-beispiel.docx");
            await File.WriteAllBytesAsync(docx, FinalReport.Build(EvaluationCalculator.Evaluate(ReportSamples.Demo()), ReportSamples.Template.Organisation));

            // A profile of its own, so a LibreOffice the developer has open does not take the job.
            await Tool.RunAsync(soffice, ["-env:UserInstallation=file://" + Path.Combine(work.FullName, "profile"), "--headless", "--convert-to", "pdf", "--outdir", work.FullName, docx], TimeSpan.FromMinutes(3));
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
            await Tool.RunAsync(pdftoppm, ["-r", "70", "-png", pdf, Path.Combine(work.FullName, "seite")], TimeSpan.FromMinutes(2));
            var pages = Directory.GetFiles(work.FullName, "seite-*.png").Order(StringComparer.Ordinal).ToList();

            Assert.True(pages.Count >= 10, $"only {pages.Count} pages");
            var docs = Path.Combine(RepoPaths.Root, "docs", "report");
            Directory.CreateDirectory(docs);
            foreach (var old in Directory.GetFiles(docs, "seite-*.png"))
            {
                File.Delete(old);
            }
            foreach (var (page, index) in pages.Take(PagesKept).Select((p, i) => (p, i + 1)))
            {
                var bytes = await File.ReadAllBytesAsync(page);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
                await File.WriteAllBytesAsync(Path.Combine(docs, $"seite-{index:00}.png"), bytes);
            }
            File.Copy(docx, Path.Combine(docs, "abschlussbericht-beispiel.docx"), overwrite: true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
