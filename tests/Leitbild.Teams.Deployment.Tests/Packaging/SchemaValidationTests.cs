using System.Text.Json.Nodes;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Packaging;

/// <summary>The package against the official schemas bundled in npm @microsoft/app-manifest, offline.</summary>
public sealed class SchemaValidationTests
{
    [Fact]
    public async Task PackagedManifestValidatesAgainstTheBundledTeamsSchema()
    {
        using var package = await BuiltPackage.CreateAsync();
        var version = package.Manifest["manifestVersion"]!.GetValue<string>();

        var (exit, results) = await ManifestSchemaValidator.ValidateAsync(package.FileInPackage("manifest.json"));

        var result = Assert.Single(results);
        Assert.True(result.Valid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal($"v{version}/MicrosoftTeams.schema.json", result.Schema);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task PackagedLanguageFileValidatesAgainstTheBundledLocalizationSchema()
    {
        using var package = await BuiltPackage.CreateAsync();

        var (exit, results) = await ManifestSchemaValidator.ValidateAsync(package.FileInPackage("en-us.json"));

        var result = Assert.Single(results);
        Assert.True(result.Valid, string.Join(Environment.NewLine, result.Errors));
        Assert.EndsWith("/MicrosoftTeams.Localization.schema.json", result.Schema, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task ValidatorRejectsAManifestWithABadBotIdAndNoAccentColor()
    {
        using var package = await BuiltPackage.CreateAsync();
        var manifest = package.Manifest;
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        manifest.AsObject().Remove("accentColor");
        var broken = package.FileInPackage("broken-manifest.json");
        await File.WriteAllTextAsync(broken, manifest.ToJsonString());

        var (exit, results) = await ManifestSchemaValidator.ValidateAsync(broken);

        var result = Assert.Single(results);
        Assert.False(result.Valid);
        Assert.Equal(1, exit);
        Assert.Contains(result.Errors, e => e.Contains("/bots/0/botId", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("accentColor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidatorRejectsALanguageFileWithoutItsRequiredStrings()
    {
        using var package = await BuiltPackage.CreateAsync();
        var strings = package.LanguageFile("en-us.json").AsObject();
        strings.Remove("description.full");
        strings["staticTabs[0].name"] = new string('x', 200);
        var broken = package.FileInPackage("broken-en-us.json");
        await File.WriteAllTextAsync(broken, strings.ToJsonString());

        var (exit, results) = await ManifestSchemaValidator.ValidateAsync(broken);

        var result = Assert.Single(results);
        Assert.False(result.Valid);
        Assert.Equal(1, exit);
        Assert.Contains(result.Errors, e => e.Contains("description.full", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("staticTabs[0].name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidatorRefusesASchemaItDoesNotBundleInsteadOfDownloadingIt()
    {
        using var package = await BuiltPackage.CreateAsync();
        var manifest = package.Manifest;
        manifest["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json";
        var unknown = package.FileInPackage("unknown-version.json");
        await File.WriteAllTextAsync(unknown, manifest.ToJsonString());

        var (exit, results) = await ManifestSchemaValidator.ValidateAsync(unknown);

        var result = Assert.Single(results);
        Assert.False(result.Valid);
        Assert.Equal(2, exit);
        Assert.Contains(result.Errors, e => e.Contains("does not bundle v9.99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManifestAndLanguageFileValidateTogetherInOneRun()
    {
        using var package = await BuiltPackage.CreateAsync("0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e", "leitbild.example.org");

        var (exit, results) = await ManifestSchemaValidator.ValidateAsync(package.FileInPackage("manifest.json"), package.FileInPackage("en-us.json"));

        Assert.Equal(0, exit);
        Assert.All(results, r => Assert.True(r.Valid, $"{r.File}: {string.Join("; ", r.Errors)}"));
        Assert.Equal("0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e", JsonNode.Parse(await File.ReadAllTextAsync(package.FileInPackage("manifest.json")))!["id"]!.GetValue<string>());
    }
}
