using System.IO.Compression;
using System.Text.Json.Nodes;
using Leitbild.Teams.App.Packaging;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Packaging;

/// <summary>A package made by the real package-manifest verb, unpacked into a temporary folder.</summary>
public sealed class BuiltPackage : IDisposable
{
    public const string AppId = "6f0c2a1e-4b7d-4c3a-9e2f-1a2b3c4d5e6f";
    public const string Domain = "leitbild.bergkamen.example";

    private readonly TemporaryFolder _folder = new();

    private BuiltPackage()
    {
    }

    public string ZipPath => _folder.File("leitbild-teams.zip");
    public string UnpackedFolder => _folder.File("unpacked");
    public string FileInPackage(string name) => Path.Combine(UnpackedFolder, name);
    public JsonNode Manifest => JsonNode.Parse(File.ReadAllText(FileInPackage(ManifestPackage.ManifestFile)))!;
    public JsonNode LanguageFile(string name) => JsonNode.Parse(File.ReadAllText(FileInPackage(name)))!;

    public static async Task<BuiltPackage> CreateAsync(string appId = AppId, string domain = Domain)
    {
        var package = new BuiltPackage();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PackageManifestVerb.RunAsync(["--app-id", appId, "--domain", domain, "--out", package.ZipPath], output, error, CancellationToken.None);
        if (exit != 0)
        {
            throw new InvalidOperationException($"package-manifest failed ({exit}): {error}");
        }
        ZipFile.ExtractToDirectory(package.ZipPath, package.UnpackedFolder);
        return package;
    }

    public void Dispose() => _folder.Dispose();
}
