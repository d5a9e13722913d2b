using Leitbild.Teams.App.Cli;
using Leitbild.Teams.App.Packaging;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Packaging;

public sealed class PackageManifestVerbTests : IDisposable
{
    private const string AppId = "6f0c2a1e-4b7d-4c3a-9e2f-1a2b3c4d5e6f";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void PackageManifestIsAVerbOfTheApp()
    {
        Assert.True(CommandLineVerbs.IsVerb(["package-manifest", "--app-id", AppId]));
        Assert.Contains(CommandLineVerbs.All, v => v.Name == "package-manifest" && v.Help.Contains("--domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GoodArgumentsWriteThePackageAndSaySoInGermanAndEnglish()
    {
        var zip = _folder.File("leitbild-teams.zip");

        var (exit, output, error) = await RunAsync("--app-id", AppId, "--domain", "leitbild.example.org", "--out", zip);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.True(File.Exists(zip));
        Assert.Contains("Teams-App-Paket geschrieben", output, StringComparison.Ordinal);
        Assert.Contains("Teams app package written", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--app-id fehlt", "--app-id is missing", "--domain", "leitbild.example.org", "--out", "{out}")]
    [InlineData("ist keine GUID", "is not a GUID", "--app-id", "12345", "--domain", "leitbild.example.org", "--out", "{out}")]
    [InlineData("ist keine GUID", "is not a GUID", "--app-id", "00000000-0000-0000-0000-000000000000", "--domain", "leitbild.example.org", "--out", "{out}")]
    [InlineData("--domain fehlt", "--domain is missing", "--app-id", AppId, "--out", "{out}")]
    [InlineData("nur den Hostnamen", "host name only", "--app-id", AppId, "--domain", "https://leitbild.example.org/", "--out", "{out}")]
    [InlineData("nur den Hostnamen", "host name only", "--app-id", AppId, "--domain", "leitbild.example.org:8443", "--out", "{out}")]
    [InlineData("kein gültiger Hostname", "not a valid host name", "--app-id", AppId, "--domain", "localhost", "--out", "{out}")]
    [InlineData("kein gültiger Hostname", "not a valid host name", "--app-id", AppId, "--domain", "192.168.10.20", "--out", "{out}")]
    [InlineData("kein gültiger Hostname", "not a valid host name", "--app-id", AppId, "--domain", "leit_bild.example.org", "--out", "{out}")]
    [InlineData("keine Versionsnummer", "not a version number", "--app-id", AppId, "--domain", "leitbild.example.org", "--version", "1.0", "--out", "{out}")]
    [InlineData("Unbekanntes Argument", "Unknown argument", "--app-id", AppId, "--domain", "leitbild.example.org", "--appid", AppId, "--out", "{out}")]
    [InlineData("fehlt der Wert", "needs a value", "--domain", "leitbild.example.org", "--out", "{out}", "--app-id")]
    [InlineData("mehrfach angegeben", "given more than once", "--app-id", AppId, "--app-id", AppId, "--domain", "leitbild.example.org", "--out", "{out}")]
    [InlineData(".zip-Datei", ".zip file", "--app-id", AppId, "--domain", "leitbild.example.org", "--out", "{folder}/package.txt")]
    [InlineData(".zip-Datei", ".zip file", "--app-id", AppId, "--domain", "leitbild.example.org", "--out", "{folder}/no-such-folder/package.zip")]
    public async Task WrongArgumentsExitWithTwoNameTheProblemInBothLanguagesAndWriteNothing(string german, string english, params string[] arguments)
    {
        var (exit, output, error) = await RunAsync(Expand(arguments));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(german, error, StringComparison.Ordinal);
        Assert.Contains(english, error, StringComparison.Ordinal);
        Assert.Contains("Aufruf: package-manifest", error, StringComparison.Ordinal);
        Assert.Contains("Usage: package-manifest", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task OneRunNamesEveryProblemAtOnce()
    {
        var (exit, _, error) = await RunAsync("--app-id", "nope", "--out", _folder.File("p.zip"));

        Assert.Equal(2, exit);
        Assert.Contains("ist keine GUID", error, StringComparison.Ordinal);
        Assert.Contains("--domain is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRunLeavesAnEarlierPackageUntouched()
    {
        var zip = _folder.File("leitbild-teams.zip");
        Assert.Equal(0, (await RunAsync("--app-id", AppId, "--domain", "leitbild.example.org", "--out", zip)).Exit);
        var before = await File.ReadAllBytesAsync(zip);

        var (exit, _, _) = await RunAsync("--app-id", AppId, "--domain", "https://other.example.org", "--out", zip);

        Assert.Equal(2, exit);
        Assert.Equal(before, await File.ReadAllBytesAsync(zip));
        Assert.Equal([zip], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task NewRunReplacesThePackageAndLeavesNoTemporaryFile()
    {
        var zip = _folder.File("leitbild-teams.zip");
        await RunAsync("--app-id", AppId, "--domain", "leitbild.example.org", "--out", zip);
        var before = await File.ReadAllBytesAsync(zip);

        var (exit, _, _) = await RunAsync("--app-id", AppId, "--domain", "leitbild.example.net", "--out", zip);

        Assert.Equal(0, exit);
        Assert.NotEqual(before, await File.ReadAllBytesAsync(zip));
        Assert.Equal([zip], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void DomainIsTakenInLowerCaseForTheAppIdUri()
    {
        var (request, _, problems) = PackageManifestVerb.Parse(["--app-id", AppId.ToUpperInvariant(), "--domain", "Leitbild.Bergkamen.DE", "--out", _folder.File("p.zip")]);

        Assert.Empty(problems);
        Assert.Equal("leitbild.bergkamen.de", request!.Domain);
        Assert.Equal(Guid.Parse(AppId), request.AppId);
    }

    [Fact]
    public void WithoutVersionThePackageTakesTheAppVersion()
    {
        var (request, _, _) = PackageManifestVerb.Parse(["--app-id", AppId, "--domain", "leitbild.example.org", "--out", _folder.File("p.zip")]);

        var appVersion = typeof(PackageManifestVerb).Assembly.GetName().Version!;
        Assert.Equal($"{appVersion.Major}.{appVersion.Minor}.{appVersion.Build}", request!.Version);
    }

    private string[] Expand(string[] arguments) =>
        [.. arguments.Select(a => a.Replace("{out}", _folder.File("leitbild-teams.zip"), StringComparison.Ordinal)
            .Replace("{folder}", _folder.Path, StringComparison.Ordinal))];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLineVerbs.RunAsync(["package-manifest", .. arguments], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
