using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Infra;

/// <summary>infra/ compiles and lints with the bicep CLI from NuGet, offline, with no error and no warning.</summary>
public sealed partial class BicepTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.PathOf("infra"), file));
        }
        return data;
    }

    [Fact]
    public async Task MainTemplateBuildsWithoutErrorsOrWarnings()
    {
        var run = await Bicep.RunAsync("build", "main.bicep", "--stdout");

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("", run.StandardError.Trim());
        Assert.NotNull(JsonNode.Parse(run.StandardOutput)!["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task EveryBicepFileLintsClean(string file)
    {
        var run = await Bicep.RunAsync("lint", file);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("", (run.StandardOutput + run.StandardError).Trim());
    }

    [Fact]
    public async Task ExampleParametersFitTheTemplate()
    {
        var run = await Bicep.RunAsync("build-params", "main.example.bicepparam", "--stdout");

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("", run.StandardError.Trim());
    }

    [Fact]
    public async Task LinterReportsABrokenTemplateSoTheCleanRunsMeanSomething()
    {
        using var folder = new TemporaryFolder();
        var broken = folder.File("broken.bicep");
        await File.WriteAllTextAsync(broken, "param unused string\n");

        var run = await Bicep.RunAsync("lint", broken);

        Assert.Contains("no-unused-params", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplatesUseLocalModulesOnly()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            foreach (Match module in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var target = module.Groups["path"].Value;
                Assert.False(target.StartsWith("br:", StringComparison.Ordinal) || target.StartsWith("br/", StringComparison.Ordinal) || target.StartsWith("ts:", StringComparison.Ordinal) || target.StartsWith("ts/", StringComparison.Ordinal),
                    $"{file} uses the registry module {target}");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, target)), $"{file}: module {target} does not exist");
            }
        }
    }

    [Fact]
    public async Task EveryLeitbildAppSettingIsAnOptionOfTheApp()
    {
        var settings = await LeitbildSettingNamesAsync();

        Assert.NotEmpty(settings);
        Assert.All(settings, name => Assert.True(IsOption(name), $"{name} does not match a property of LeitbildOptions"));
    }

    [Fact]
    public async Task AppSettingsCoverWhatMicrosoft365ModeRequires()
    {
        var settings = await LeitbildSettingNamesAsync();

        // What LeitbildOptionsValidator insists on in Microsoft 365 mode.
        Assert.Superset(new HashSet<string>
        {
            "Leitbild__Mode",
            "Leitbild__AnonymousKey",
            "Leitbild__PublicBaseUrl",
            "Leitbild__Microsoft365__TenantId",
            "Leitbild__Microsoft365__ClientId",
            "Leitbild__Microsoft365__ClientSecret",
            "Leitbild__Microsoft365__SharePointSiteId",
        }, settings);
    }

    [Fact]
    public async Task SecretsComeFromKeyVaultReferences()
    {
        var template = await CompiledTemplateAsync();

        Assert.Matches(@"Leitbild__Microsoft365__ClientSecret'?""?\s*:\s*""\[format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=\{1\}\)'", template);
        Assert.Matches(@"Leitbild__AnonymousKey'?""?\s*:\s*""\[format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=\{1\}\)'", template);
    }

    [Fact]
    public async Task ModeIsMicrosoft365AndTheBotIsSingleTenantWithTheTeamsChannel()
    {
        var template = await CompiledTemplateAsync();

        Assert.Contains("\"Leitbild__Mode\": \"Microsoft365\"", template, StringComparison.Ordinal);
        Assert.Contains("\"msaAppType\": \"SingleTenant\"", template, StringComparison.Ordinal);
        Assert.Contains("\"channelName\": \"MsTeamsChannel\"", template, StringComparison.Ordinal);
        Assert.Contains("/api/messages", template, StringComparison.Ordinal);
        Assert.Contains("\"httpsOnly\": true", template, StringComparison.Ordinal);
        Assert.Contains("\"linuxFxVersion\": \"DOTNETCORE|10.0\"", template, StringComparison.Ordinal);
        Assert.Contains("\"enableRbacAuthorization\": true", template, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"SystemAssigned\"", template, StringComparison.Ordinal);
    }

    private static async Task<string> CompiledTemplateAsync()
    {
        var run = await Bicep.RunAsync("build", "main.bicep", "--stdout");
        Assert.True(run.ExitCode == 0, run.StandardError);
        return run.StandardOutput;
    }

    private static async Task<HashSet<string>> LeitbildSettingNamesAsync() =>
        [.. SettingName().Matches(await CompiledTemplateAsync()).Select(m => m.Value)];

    /// <summary>Follows "Leitbild__A__B" through LeitbildOptions.A.B, as the configuration binder does.</summary>
    private static bool IsOption(string setting)
    {
        var parts = setting.Split("__");
        if (parts[0] != LeitbildOptions.Section)
        {
            return false;
        }
        var type = typeof(LeitbildOptions);
        foreach (var part in parts[1..])
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || !property.CanWrite)
            {
                return false;
            }
            type = property.PropertyType;
        }
        return true;
    }

    [GeneratedRegex(@"Leitbild__[A-Za-z0-9_]+")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
