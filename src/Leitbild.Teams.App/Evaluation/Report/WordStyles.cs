using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>
/// The report's styles.xml: Word's built-in style ids and names (Title, Subtitle, Heading1/2 with outline levels,
/// Caption, Quote, Table Grid), so Word shows them in its style gallery and builds a table of contents from them.
/// </summary>
internal static class WordStyles
{
    public const string Font = "Arial";

    public static Styles Create()
    {
        var styles = new Styles();
        styles.Append(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "21" },
                new FontSizeComplexScript { Val = "21" },
                new Languages { Val = "de-DE" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(Paragraph("Normal", "Normal", isDefault: true));
        styles.Append(Paragraph("Title", "Title", basedOn: "Normal", size: 56, bold: true, colour: "1F3864", spacingBefore: 2400, spacingAfter: 240));
        styles.Append(Paragraph("Subtitle", "Subtitle", basedOn: "Normal", size: 32, colour: "1F618D", spacingAfter: 480));
        styles.Append(Paragraph("Heading1", "heading 1", basedOn: "Normal", size: 32, bold: true, colour: "1F3864", spacingBefore: 360, spacingAfter: 160, outline: 0));
        styles.Append(Paragraph("Heading2", "heading 2", basedOn: "Normal", size: 26, bold: true, colour: "1F618D", spacingBefore: 240, spacingAfter: 120, outline: 1));
        styles.Append(Paragraph("Caption", "caption", basedOn: "Normal", size: 18, italic: true, colour: "555555", spacingAfter: 240));
        styles.Append(Paragraph("Quote", "Quote", basedOn: "Normal", italic: true, colour: "404040", indent: 567));
        styles.Append(Paragraph("Note", "Hinweis", basedOn: "Normal", size: 18, colour: "555555"));
        styles.Append(new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A6A6A6" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    private static Style Paragraph(string id, string name, string? basedOn = null, bool isDefault = false, int? size = null, bool bold = false, bool italic = false,
        string? colour = null, int? spacingBefore = null, int? spacingAfter = null, int? outline = null, int? indent = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }
        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.KeepNext = new KeepNext();
        }
        if (spacingBefore is not null || spacingAfter is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is { } before)
            {
                spacing.Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (spacingAfter is { } after)
            {
                spacing.After = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            paragraph.SpacingBetweenLines = spacing;
        }
        if (indent is not null)
        {
            paragraph.Indentation = new Indentation { Left = indent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        if (outline is not null)
        {
            paragraph.OutlineLevel = new OutlineLevel { Val = outline };
        }
        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }
        if (italic)
        {
            run.Append(new Italic());
        }
        if (colour is not null)
        {
            run.Append(new Color { Val = colour });
        }
        if (size is not null)
        {
            var half = size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            run.Append(new FontSize { Val = half });
            run.Append(new FontSizeComplexScript { Val = half });
        }
        if (run.HasChildren)
        {
            style.Append(run);
        }
        return style;
    }
}
