using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Leitbild.Teams.App.Packaging;

/// <summary>What the package is made for: one Entra app registration (bot, tab SSO, Graph) served at one host.</summary>
public sealed record ManifestPackageRequest(Guid AppId, string Domain, string Version);

/// <summary>
/// Builds the Teams app package from manifest/manifest.template.json and its language files (embedded at build time)
/// and the icons drawn by <see cref="AppIcons"/>. Every file sits at the zip's root, as Teams requires.
/// </summary>
public static class ManifestPackage
{
    public const string ManifestFile = "manifest.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    private const string ResourcePrefix = "Leitbild.Teams.App.Packaging.";
    private const string TemplateResource = "manifest.template.json";

    // Zip entries carry a fixed time, so the same input gives the same package byte for byte.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The files of the package in the order they are written: manifest, icons, language files.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> CreateFiles(ManifestPackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var manifest = Fill(ReadResource(TemplateResource), request);

        var files = new List<(string, byte[])>
        {
            (ManifestFile, Encoding.UTF8.GetBytes(manifest)),
            (ColorIconFile, AppIcons.Color()),
            (OutlineIconFile, AppIcons.Outline()),
        };
        foreach (var languageFile in LanguageFiles(manifest))
        {
            files.Add((languageFile, Encoding.UTF8.GetBytes(ReadResource(languageFile))));
        }
        return files;
    }

    public static void WriteZip(Stream destination, ManifestPackageRequest request)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content) in CreateFiles(request))
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }

    private static string Fill(string template, ManifestPackageRequest request)
    {
        // The values were validated (GUID, host name, x.y.z), so none of them needs JSON escaping.
        var filled = template
            .Replace("{{appId}}", request.AppId.ToString("D"), StringComparison.Ordinal)
            .Replace("{{domain}}", request.Domain, StringComparison.Ordinal)
            .Replace("{{version}}", request.Version, StringComparison.Ordinal);
        if (filled.Contains("{{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("manifest.template.json has a placeholder the packager does not fill.");
        }
        using var _ = JsonDocument.Parse(filled); // a template that no longer parses is a bug; fail here, not in Teams
        return filled;
    }

    /// <summary>The language files the manifest names in localizationInfo; each must be embedded.</summary>
    private static IEnumerable<string> LanguageFiles(string manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        if (!document.RootElement.TryGetProperty("localizationInfo", out var localization))
        {
            yield break;
        }
        if (localization.TryGetProperty("defaultLanguageFile", out var defaultFile))
        {
            yield return defaultFile.GetString()!;
        }
        if (localization.TryGetProperty("additionalLanguages", out var languages))
        {
            foreach (var language in languages.EnumerateArray())
            {
                yield return language.GetProperty("file").GetString()!;
            }
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(ManifestPackage).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The package file {name} is not embedded (manifest/{name}).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
