namespace Leitbild.Teams.App.Packaging;

/// <summary>
/// The two icons a Teams app package needs, drawn in code: a guiding star in a ring (the "Leitstern" of a vision).
/// Colour: 192×192, white symbol on the accent colour. Outline: 32×32, white symbol on a transparent background.
/// </summary>
public static class AppIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The manifest's accentColor; the colour icon's background.</summary>
    public static readonly (byte R, byte G, byte B) Accent = (0x0B, 0x6A, 0x75);

    // Samples per pixel edge: 4×4 samples give smooth edges on the colour icon.
    private const int Samples = 4;

    public static byte[] Color()
    {
        var pixels = new byte[ColorSize * ColorSize * 4];
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                var coverage = Coverage(x, y, ColorSize);
                var i = ((y * ColorSize) + x) * 4;
                pixels[i] = Blend(Accent.R, coverage);
                pixels[i + 1] = Blend(Accent.G, coverage);
                pixels[i + 2] = Blend(Accent.B, coverage);
                pixels[i + 3] = 255;
            }
        }
        return PngEncoder.Encode(ColorSize, ColorSize, pixels);
    }

    /// <summary>
    /// Teams wants the outline icon white on transparent. Edges are not smoothed: every pixel is either opaque white
    /// or fully transparent, which is what the store validation checks.
    /// </summary>
    public static byte[] Outline()
    {
        var pixels = new byte[OutlineSize * OutlineSize * 4];
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var i = ((y * OutlineSize) + x) * 4;
                pixels[i] = 255;
                pixels[i + 1] = 255;
                pixels[i + 2] = 255;
                pixels[i + 3] = Coverage(x, y, OutlineSize) >= 0.5 ? (byte)255 : (byte)0;
            }
        }
        return PngEncoder.Encode(OutlineSize, OutlineSize, pixels);
    }

    private static byte Blend(byte background, double white) =>
        (byte)Math.Round(background + ((255 - background) * white));

    /// <summary>Share of the pixel covered by the symbol, from a grid of samples.</summary>
    private static double Coverage(int x, int y, int size)
    {
        var hits = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                // Normalised coordinates: -1..1 across the icon, centre at 0.
                var u = ((x + ((sx + 0.5) / Samples)) / size * 2) - 1;
                var v = ((y + ((sy + 0.5) / Samples)) / size * 2) - 1;
                if (InSymbol(u, v, size))
                {
                    hits++;
                }
            }
        }
        return hits / (double)(Samples * Samples);
    }

    private static bool InSymbol(double u, double v, int size)
    {
        // The small icon needs relatively thicker strokes to stay legible at 32 pixels.
        var small = size <= OutlineSize;
        var ringOuter = small ? 0.88 : 0.70;
        var ringInner = small ? 0.72 : 0.61;
        var starOuter = small ? 0.58 : 0.50;
        var starInner = small ? 0.18 : 0.13;

        var radius = Math.Sqrt((u * u) + (v * v));
        return (radius <= ringOuter && radius >= ringInner) || InStar(u, v, starOuter, starInner);
    }

    /// <summary>A four-pointed star: points up, right, down, left; waist vertices on the diagonals.</summary>
    private static bool InStar(double u, double v, double outer, double inner)
    {
        Span<(double X, double Y)> corners = stackalloc (double, double)[8];
        for (var k = 0; k < 8; k++)
        {
            var angle = k * Math.PI / 4;
            var r = k % 2 == 0 ? outer : inner;
            corners[k] = (r * Math.Sin(angle), -r * Math.Cos(angle));
        }

        // Even-odd ray casting.
        var inside = false;
        for (int i = 0, j = corners.Length - 1; i < corners.Length; j = i++)
        {
            var (xi, yi) = corners[i];
            var (xj, yj) = corners[j];
            if ((yi > v) != (yj > v) && u < ((xj - xi) * (v - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
