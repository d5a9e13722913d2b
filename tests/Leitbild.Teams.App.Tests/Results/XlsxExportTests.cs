using DocumentFormat.OpenXml.Packaging;
using Leitbild.Teams.App.ResultsStorage;

namespace Leitbild.Teams.App.Tests.Results;

/// <summary>A comment with characters XML cannot hold (U+FFFE, control characters) used to break every later XLSX export.</summary>
public sealed class XlsxExportTests
{
    [Fact]
    public void CharactersXmlCannotHoldAreDroppedAndTheRestOfTheTextIsKept()
    {
        var table = new ExportTable("Kommentare", ["Kommentar"],
        [
            ["Mehr Bäume\uFFFE in der Innenstadt\u0001 🌳"],
            ["Radwege"],
        ]);

        var bytes = ResultsExport.ToXlsx(table);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var texts = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
        Assert.Equal(["Kommentar", "Mehr Bäume in der Innenstadt 🌳", "Radwege"], texts);
    }
}
