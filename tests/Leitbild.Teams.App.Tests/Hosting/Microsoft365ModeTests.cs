using System.Diagnostics;

namespace Leitbild.Teams.App.Tests.Hosting;

/// <summary>Starts the real app process, as an operator would, and reads what it says on the way out.</summary>
public class Microsoft365ModeTests
{
    [Fact]
    public async Task RefusesToStartWithoutItsSettingsAndNamesEveryMissingOne()
    {
        var (exitCode, output) = await RunAppAsync(("Leitbild__Mode", "Microsoft365"));
        Assert.Equal(1, exitCode);
        Assert.Contains("Leitbild.Teams startet nicht", output);
        foreach (var key in new[]
        {
            "Leitbild:Microsoft365:TenantId", "Leitbild:Microsoft365:ClientId", "Leitbild:Microsoft365:ClientSecret",
            "Leitbild:Microsoft365:SharePointSiteId", "Leitbild:AnonymousKey", "Leitbild:PublicBaseUrl",
        })
        {
            Assert.Contains(key, output);
        }
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task NamesInvalidSettingsWithWhatIsWrong()
    {
        var (exitCode, output) = await RunAppAsync(
            ("Leitbild__Mode", "Microsoft365"),
            ("Leitbild__Microsoft365__TenantId", "not-a-guid"),
            ("Leitbild__Microsoft365__ClientId", "11111111-2222-3333-4444-555555555555"),
            ("Leitbild__Microsoft365__ClientSecret", "from-key-vault"),
            ("Leitbild__Microsoft365__SharePointSiteId", "contoso.sharepoint.com,1,2"),
            ("Leitbild__AnonymousKey", "too-short"),
            ("Leitbild__PublicBaseUrl", "http://leitbild.example"));
        Assert.Equal(1, exitCode);
        Assert.Contains("TenantId: 'not-a-guid' ist keine GUID", output);
        Assert.Contains("AnonymousKey: mindestens 32 Zeichen", output);
        Assert.Contains("PublicBaseUrl", output);
        Assert.DoesNotContain("ClientId", output);
        Assert.DoesNotContain("SharePointSiteId", output);
    }

    [Fact]
    public async Task RefusesAMinimumGroupSizeBelowThree()
    {
        var (exitCode, output) = await RunAppAsync(("Leitbild__MinimumGroupSize", "2"));
        Assert.Equal(1, exitCode);
        Assert.Contains("Leitbild:MinimumGroupSize: 3 bis 100 Personen", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(params (string Key, string Value)[] environment)
    {
        var database = Path.Combine(Path.GetTempPath(), $"leitbild-m365-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Leitbild.Teams.App.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Leitbild__DatabasePath"] = database;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            File.Delete(database);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
