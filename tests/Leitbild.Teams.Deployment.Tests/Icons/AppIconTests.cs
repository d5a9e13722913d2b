using System.Text;
using Leitbild.Teams.App.Packaging;
using Leitbild.Teams.Deployment.Tests.Packaging;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Icons;

/// <summary>Teams wants a 192×192 colour icon and a 32×32 outline icon: white on transparent.</summary>
public sealed class AppIconTests
{
    private const byte TruecolourWithAlpha = 6;

    [Fact]
    public void ColorIconIs192SquareRgbaAndFullyOpaque()
    {
        var icon = PngImage.Read(AppIcons.Color());

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal(TruecolourWithAlpha, icon.ColorType);
        Assert.Equal(8, icon.BitDepth);
        Assert.All(icon.AllPixels(), p => Assert.Equal(255, p.A));
    }

    [Fact]
    public void ColorIconShowsAWhiteSymbolOnTheAccentColour()
    {
        var icon = PngImage.Read(AppIcons.Color());
        var accent = AppIcons.Accent;

        Assert.Equal((accent.R, accent.G, accent.B, (byte)255), icon[2, 2]);
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), icon[96, 96]);
    }

    [Fact]
    public void AccentColourOfTheIconIsTheManifestAccentColour()
    {
        var files = ManifestPackage.CreateFiles(new ManifestPackageRequest(Guid.Parse(BuiltPackage.AppId), BuiltPackage.Domain, "1.0.0"));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(files.Single(f => f.Name == "manifest.json").Content)!;
        var accent = AppIcons.Accent;

        Assert.Equal($"#{accent.R:X2}{accent.G:X2}{accent.B:X2}", manifest["accentColor"]!.GetValue<string>());
    }

    [Fact]
    public void OutlineIconIs32SquareRgba()
    {
        var icon = PngImage.Read(AppIcons.Outline());

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(TruecolourWithAlpha, icon.ColorType);
        Assert.Equal(8, icon.BitDepth);
    }

    [Fact]
    public void OutlineIconPixelsAreOnlyOpaqueWhiteOrFullyTransparent()
    {
        var icon = PngImage.Read(AppIcons.Outline());

        Assert.All(icon.AllPixels(), p => Assert.True(
            p.A == 0 || p == (255, 255, 255, 255),
            $"pixel {p} is neither opaque white nor fully transparent"));
    }

    [Fact]
    public void OutlineIconHasASymbolAndATransparentBackground()
    {
        var icon = PngImage.Read(AppIcons.Outline());
        var white = icon.AllPixels().Count(p => p.A == 255);

        Assert.InRange(white, 100, (32 * 32) - 300);
        Assert.Equal(0, icon[0, 0].A);
        Assert.Equal(0, icon[31, 31].A);
        Assert.Equal(255, icon[16, 16].A);
    }

    [Fact]
    public void PackagedIconsAreTheDrawnOnes()
    {
        var files = ManifestPackage.CreateFiles(new ManifestPackageRequest(Guid.Parse(BuiltPackage.AppId), BuiltPackage.Domain, "1.0.0"));

        Assert.Equal(AppIcons.Color(), files.Single(f => f.Name == "color.png").Content);
        Assert.Equal(AppIcons.Outline(), files.Single(f => f.Name == "outline.png").Content);
    }

    [Fact]
    public void PngChecksumMatchesTheStandardCheckValue()
    {
        // CRC-32 check value from the PNG specification's reference algorithm: "123456789" → CBF43926.
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void EncodedPixelsReadBackUnchanged()
    {
        byte[] pixels = [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];

        var image = PngImage.Read(PngEncoder.Encode(3, 2, pixels));

        Assert.Equal(["IHDR", "IDAT", "IEND"], image.Chunks);
        Assert.Equal(pixels, image.Pixels);
    }

    [Fact]
    public void EncoderRefusesPixelDataOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[15]));
    }
}
