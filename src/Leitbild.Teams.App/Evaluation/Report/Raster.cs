using Leitbild.Teams.App.Packaging;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>An RGB colour for the charts.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Hex(uint value) => new((byte)(value >> 16), (byte)(value >> 8), (byte)value);
}

/// <summary>A white RGBA canvas with rectangles and bitmap text, written out with the app's PNG encoder.</summary>
internal sealed class Raster
{
    private readonly byte[] _pixels;

    public Raster(int width, int height)
    {
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 4];
        Fill(0, 0, width, height, new Rgb(255, 255, 255));
    }

    public int Width { get; }

    public int Height { get; }

    public void Fill(int x, int y, int width, int height, Rgb colour)
    {
        var x0 = Math.Clamp(x, 0, Width);
        var x1 = Math.Clamp(x + width, 0, Width);
        var y0 = Math.Clamp(y, 0, Height);
        var y1 = Math.Clamp(y + height, 0, Height);
        for (var row = y0; row < y1; row++)
        {
            for (var column = x0; column < x1; column++)
            {
                var i = (row * Width + column) * 4;
                _pixels[i] = colour.R;
                _pixels[i + 1] = colour.G;
                _pixels[i + 2] = colour.B;
                _pixels[i + 3] = 255;
            }
        }
    }

    /// <summary>Draws text with its top left at (x, y); each font pixel becomes a square of <paramref name="scale"/>.</summary>
    public void Text(int x, int y, string text, Rgb colour, int scale)
    {
        for (var n = 0; n < text.Length; n++)
        {
            var left = x + n * BitmapFont.Advance * scale;
            for (var gy = 0; gy < BitmapFont.Height; gy++)
            {
                for (var gx = 0; gx < BitmapFont.Width; gx++)
                {
                    if (BitmapFont.IsSet(text[n], gx, gy))
                    {
                        Fill(left + gx * scale, y + gy * scale, scale, scale, colour);
                    }
                }
            }
        }
    }

    public static int TextWidth(string text, int scale) => text.Length == 0 ? 0 : (text.Length * BitmapFont.Advance - 1) * scale;

    public byte[] ToPng() => PngEncoder.Encode(Width, Height, _pixels);
}
