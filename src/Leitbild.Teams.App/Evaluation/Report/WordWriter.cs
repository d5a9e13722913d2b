using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>
/// Appends styled paragraphs, tables and pictures to a document body. Relationship ids and drawing ids are counted,
/// never random, so the same content gives the same document.
/// </summary>
internal sealed class WordWriter(MainDocumentPart main, Body body)
{
    /// <summary>Text width of an A4 page with 2.5 cm margins, in twentieths of a point.</summary>
    public const int TextWidthTwips = 9070;
    private const long EmuPerTwip = 635;
    private uint _pictures;

    public void Heading1(string text) => Styled("Heading1", text);

    public void Heading2(string text) => Styled("Heading2", text);

    public void Title(string text) => Styled("Title", text);

    public void Subtitle(string text) => Styled("Subtitle", text);

    public void Caption(string text) => Styled("Caption", text);

    public void Quote(string text) => Styled("Quote", text);

    public void Note(string text) => Styled("Note", text);

    public void Paragraph(string text, bool bold = false) => body.Append(new Paragraph(Run(text, bold)));

    /// <summary>A paragraph of runs, each (text, bold).</summary>
    public void Paragraph(params (string Text, bool Bold)[] runs) => body.Append(new Paragraph(runs.Select(r => Run(r.Text, r.Bold))));

    public void PageBreak() => body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    private void Styled(string style, string text) =>
        body.Append(new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } }, Run(text, false)));

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.RunProperties = new RunProperties { Bold = new Bold() };
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>A table with a repeated, shaded header row; column widths are shares of the text width.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths)
    {
        var twips = widths.Select(w => (int)Math.Round(TextWidthTwips * w / widths.Sum())).ToList();
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, twips, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, twips, header: false));
        }
        body.Append(table);
        // Word needs a paragraph between a table and what follows; it also gives the table room below.
        body.Append(new Paragraph(new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "60" } }));
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        for (var i = 0; i < widths.Count; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DCE6F1" });
            }
            row.Append(new TableCell(properties, new Paragraph(Run(i < cells.Count ? cells[i] : string.Empty, header))));
        }
        return row;
    }

    /// <summary>A PNG as an inline picture across <paramref name="widthShare"/> of the text width, with alt text.</summary>
    public void Picture(ChartImage image, string description, double widthShare = 1.0)
    {
        _pictures++;
        var relationshipId = $"rIdChart{_pictures}";
        var part = main.AddImagePart(ImagePartType.Png, relationshipId);
        using (var stream = new MemoryStream(image.Png))
        {
            part.FeedData(stream);
        }
        var cx = (long)(TextWidthTwips * widthShare) * EmuPerTwip;
        var cy = cx * image.Height / image.Width;
        var name = $"Diagramm {_pictures}";
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = name, Description = description },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = _pictures, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        body.Append(new Paragraph(
            new ParagraphProperties { KeepNext = new KeepNext(), SpacingBetweenLines = new SpacingBetweenLines { After = "60" } },
            new Run(new Drawing(inline))));
    }
}
