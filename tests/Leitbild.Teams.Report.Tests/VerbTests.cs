using Leitbild.Teams.App.Cli;

namespace Leitbild.Teams.Report.Tests;

public sealed class VerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leitbild-verbs-").FullName;

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLineVerbs.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--bogus", "x")]
    [InlineData("--format", "pdf", "--out", "x.docx")]
    [InlineData("--out")]
    [InlineData("--database", "x.db")]
    public async Task BadArgumentsGetExitCodeTwoAndAGermanAndEnglishMessage(params string[] args)
    {
        var (code, _, error) = await RunAsync(["report", .. args]);

        Assert.Equal(2, code);
        Assert.Contains(" / ", error);
    }

    [Fact]
    public async Task AMissingDatabaseIsNamedAndNothingIsCreated()
    {
        var database = Path.Combine(_folder, "fehlt.db");

        var (code, _, error) = await RunAsync("report", "--database", database, "--out", Path.Combine(_folder, "b.docx"));

        Assert.Equal(2, code);
        Assert.Contains(database, error);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task SeedDemoThenReportWritesAWordFileAndSampleDataIsNeverMixedIn()
    {
        var database = Path.Combine(_folder, "demo.db");

        var seeded = await RunAsync("seed-demo", "--database", database);
        var again = await RunAsync("seed-demo", "--database", database);
        var report = await RunAsync("report", "--database", database, "--out", Path.Combine(_folder, "bericht.docx"));
        var markdown = await RunAsync("report", "--database", database, "--out", Path.Combine(_folder, "bericht.md"));

        Assert.Equal(0, seeded.Code);
        Assert.Contains("schon vorhanden", again.Output);
        Assert.Equal(0, report.Code);
        Assert.Contains("Beispieldaten", report.Output);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(Path.Combine(_folder, "bericht.docx")))[..2]));
        Assert.Equal(0, markdown.Code);
        Assert.StartsWith("# Abschlussbericht", await File.ReadAllTextAsync(Path.Combine(_folder, "bericht.md")));

        var removed = await RunAsync("seed-demo", "--database", database, "--remove");
        Assert.Equal(0, removed.Code);
        Assert.Equal(0, (await RunAsync("seed-demo", "--database", database)).Code);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
