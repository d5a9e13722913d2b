using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Leitbild.Teams.Deployment.Tests.Support;

/// <summary>
/// A small PNG reader for the tests: checks the signature and every chunk's CRC, reads IHDR, inflates IDAT and
/// undoes all five row filters. Only 8-bit truecolour with alpha (colour type 6) is turned into pixels.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public required int Width { get; init; }
    public required int Height { get; init; }
    public required byte BitDepth { get; init; }
    public required byte ColorType { get; init; }
    public required IReadOnlyList<string> Chunks { get; init; }

    /// <summary>RGBA, row by row.</summary>
    public required byte[] Pixels { get; init; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> AllPixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return this[x, y];
            }
        }
    }

    public static PngImage Read(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG: wrong signature.");
        }

        var chunks = new List<string>();
        var idat = new MemoryStream();
        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0;
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            if (BitwiseCrc32(png.AsSpan(offset + 4, 4 + length)) != storedCrc)
            {
                throw new InvalidDataException($"Chunk {type}: CRC mismatch.");
            }
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[10] != 0 || data[11] != 0 || data[12] != 0)
                    {
                        throw new InvalidDataException("Unsupported compression, filter method or interlace.");
                    }
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            offset += 12 + length;
        }
        if (chunks.Count == 0 || chunks[0] != "IHDR" || chunks[^1] != "IEND")
        {
            throw new InvalidDataException("PNG must start with IHDR and end with IEND.");
        }

        var pixels = colorType == 6 && bitDepth == 8 ? Unfilter(Inflate(idat.ToArray()), width, height) : [];
        return new PngImage { Width = width, Height = height, BitDepth = bitDepth, ColorType = colorType, Chunks = chunks, Pixels = pixels };
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return raw.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int bytesPerPixel = 4;
        var stride = width * bytesPerPixel;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"Image data has {raw.Length} bytes, expected {height * (stride + 1)}.");
        }
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                int left = x >= bytesPerPixel ? pixels[(y * stride) + x - bytesPerPixel] : 0;
                int up = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? pixels[((y - 1) * stride) + x - bytesPerPixel] : 0;
                pixels[(y * stride) + x] = filter switch
                {
                    0 => value,
                    1 => (byte)(value + left),
                    2 => (byte)(value + up),
                    3 => (byte)(value + ((left + up) / 2)),
                    4 => (byte)(value + Paeth(left, up, upLeft)),
                    _ => throw new InvalidDataException($"Unknown row filter {filter}."),
                };
            }
        }
        return pixels;
    }

    /// <summary>CRC-32 bit by bit, written apart from the app's table version so each checks the other.</summary>
    private static uint BitwiseCrc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
