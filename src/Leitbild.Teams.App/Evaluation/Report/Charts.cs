using System.Globalization;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>A chart as the report embeds it: PNG bytes and the pixel size (for the aspect ratio).</summary>
internal sealed record ChartImage(byte[] Png, int Width, int Height);

/// <summary>
/// The report's charts, drawn by the app: 100 % stacked bars of the 1–5 distribution per goal, and plain bars for
/// participation. Labels are ids and figures in the built-in bitmap font; the captions and tables carry the words.
/// </summary>
internal static class Charts
{
    private const int Scale = 2;
    private const int Width = 1200;
    private const int RowHeight = 46;
    private const int BarHeight = 30;
    private const int Padding = 16;

    /// <summary>Rating 1 (disagree) to 5 (agree): a diverging red–grey–blue scale that also reads in grey print.</summary>
    public static readonly IReadOnlyList<Rgb> RatingColours =
        [Rgb.Hex(0xB03A2E), Rgb.Hex(0xE59866), Rgb.Hex(0xBFBFBF), Rgb.Hex(0x7FB3D5), Rgb.Hex(0x1F618D)];

    private static readonly Rgb Ink = Rgb.Hex(0x222222);
    private static readonly Rgb Muted = Rgb.Hex(0x777777);
    private static readonly Rgb Bar = Rgb.Hex(0x1F618D);

    public static ChartImage Distribution(IReadOnlyList<(string Label, IReadOnlyList<int> Counts)> rows)
    {
        var labelWidth = LabelWidth(rows.Select(r => r.Label));
        var legendHeight = 40;
        var height = Padding * 2 + rows.Count * RowHeight + legendHeight;
        var raster = new Raster(Width, height);
        var barLeft = Padding + labelWidth + Padding;
        var barWidth = Width - barLeft - Padding;
        for (var r = 0; r < rows.Count; r++)
        {
            var (label, counts) = rows[r];
            var top = Padding + r * RowHeight + (RowHeight - BarHeight) / 2;
            raster.Text(Padding, top + (BarHeight - BitmapFont.Height * Scale) / 2, label, Ink, Scale);
            var total = counts.Sum();
            if (total == 0)
            {
                raster.Fill(barLeft, top, barWidth, BarHeight, Rgb.Hex(0xF2F2F2));
                raster.Text(barLeft + 8, top + (BarHeight - BitmapFont.Height * Scale) / 2, "-", Muted, Scale);
                continue;
            }
            var x = barLeft;
            var cumulative = 0;
            for (var i = 0; i < counts.Count; i++)
            {
                cumulative += counts[i];
                // Segment ends are rounded from the running total, so the bar always ends exactly at 100 %.
                var end = barLeft + (int)Math.Round(barWidth * (double)cumulative / total, MidpointRounding.AwayFromZero);
                raster.Fill(x, top, end - x, BarHeight, RatingColours[i]);
                var percent = Percent(counts[i], total);
                if (counts[i] > 0 && Raster.TextWidth(percent, Scale) + 8 <= end - x)
                {
                    var textColour = i is 0 or 4 ? new Rgb(255, 255, 255) : Ink;
                    raster.Text(x + (end - x - Raster.TextWidth(percent, Scale)) / 2, top + (BarHeight - BitmapFont.Height * Scale) / 2, percent, textColour, Scale);
                }
                x = end;
            }
        }
        // Legend: the five colours with their rating.
        var legendTop = Padding + rows.Count * RowHeight + 10;
        var legendX = barLeft;
        for (var i = 0; i < RatingColours.Count; i++)
        {
            raster.Fill(legendX, legendTop, 22, 22, RatingColours[i]);
            raster.Text(legendX + 28, legendTop + 4, (i + 1).ToString(CultureInfo.InvariantCulture), Ink, Scale);
            legendX += 80;
        }
        return new ChartImage(raster.ToPng(), Width, height);
    }

    public static ChartImage Bars(IReadOnlyList<(string Label, int Value)> rows)
    {
        var labelWidth = LabelWidth(rows.Select(r => r.Label));
        var height = Padding * 2 + Math.Max(1, rows.Count) * RowHeight;
        var raster = new Raster(Width, height);
        var barLeft = Padding + labelWidth + Padding;
        var valueSpace = Raster.TextWidth("00000", Scale) + 12;
        var barWidth = Width - barLeft - Padding - valueSpace;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        for (var r = 0; r < rows.Count; r++)
        {
            var (label, value) = rows[r];
            var top = Padding + r * RowHeight + (RowHeight - BarHeight) / 2;
            var textTop = top + (BarHeight - BitmapFont.Height * Scale) / 2;
            raster.Text(Padding, textTop, label, Ink, Scale);
            var length = (int)Math.Round(barWidth * (double)value / max, MidpointRounding.AwayFromZero);
            raster.Fill(barLeft, top, length, BarHeight, Bar);
            raster.Text(barLeft + length + 8, textTop, value.ToString(CultureInfo.InvariantCulture), Ink, Scale);
        }
        return new ChartImage(raster.ToPng(), Width, height);
    }

    private static int LabelWidth(IEnumerable<string> labels) => Math.Max(Raster.TextWidth("0000000000", Scale), labels.Select(l => Raster.TextWidth(l, Scale)).DefaultIfEmpty(0).Max());

    private static string Percent(int count, int total) =>
        ((int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";
}
