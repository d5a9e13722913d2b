using System.IO.Compression;
using System.Text.Json.Nodes;
using Leitbild.Teams.App.Packaging;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Packaging;

public sealed class ManifestPackageTests
{
    [Fact]
    public async Task ZipHoldsManifestIconsAndLanguageFilesAtItsRoot()
    {
        using var package = await BuiltPackage.CreateAsync();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["color.png", "en-us.json", "manifest.json", "outline.png"], names);
        Assert.All(zip.Entries, e => Assert.True(e.Length > 0, $"{e.FullName} is empty"));
    }

    [Fact]
    public async Task EveryFileTheManifestNamesIsInThePackage()
    {
        using var package = await BuiltPackage.CreateAsync();
        var manifest = package.Manifest;

        var named = new List<string>
        {
            manifest["icons"]!["color"]!.GetValue<string>(),
            manifest["icons"]!["outline"]!.GetValue<string>(),
        };
        named.AddRange(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(l => l!["file"]!.GetValue<string>()));

        Assert.All(named, file => Assert.True(File.Exists(package.FileInPackage(file)), $"{file} is named in the manifest but not packaged"));
    }

    [Fact]
    public async Task ManifestCarriesTheAppIdAndTheDomainWhereverTeamsNeedsThem()
    {
        using var package = await BuiltPackage.CreateAsync();
        var manifest = package.Manifest;
        const string app = BuiltPackage.AppId;
        const string host = BuiltPackage.Domain;

        Assert.Equal(app, manifest["id"]!.GetValue<string>());
        Assert.Equal(app, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(app, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{host}/{app}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal([host], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal($"https://{host}/tab/config", manifest["configurableTabs"]![0]!["configurationUrl"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalTabsAreMeinLeitbildAndTheDashboardServedFromTheDomain()
    {
        using var package = await BuiltPackage.CreateAsync();
        var tabs = package.Manifest["staticTabs"]!.AsArray();

        var byId = tabs.ToDictionary(t => t!["entityId"]!.GetValue<string>(), t => t!);
        Assert.Equal("Mein Leitbild", byId["mein-leitbild"]["name"]!.GetValue<string>());
        Assert.Equal($"https://{BuiltPackage.Domain}/tab/mein-leitbild", byId["mein-leitbild"]["contentUrl"]!.GetValue<string>());
        Assert.Equal($"https://{BuiltPackage.Domain}/tab/dashboard", byId["dashboard"]["contentUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task PersonalTabsQualifyForOutlookAndTheMicrosoft365App()
    {
        // Teams apps run in Outlook and the Microsoft 365 app with manifest 1.13 or later, as personal static tabs
        // on https (https://learn.microsoft.com/microsoftteams/platform/m365-apps/overview).
        using var package = await BuiltPackage.CreateAsync();
        var manifest = package.Manifest;

        var version = Version.Parse(manifest["manifestVersion"]!.GetValue<string>());
        Assert.True(version >= new Version(1, 13), $"manifest {version} is older than 1.13");
        Assert.All(manifest["staticTabs"]!.AsArray(), tab =>
        {
            Assert.Equal(["personal"], tab!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.StartsWith("https://", tab["contentUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task BotWorksInPersonalTeamAndGroupChatWithItsCommands()
    {
        using var package = await BuiltPackage.CreateAsync();
        var bot = package.Manifest["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var personal = CommandTitles(bot, "personal");
        Assert.Equal(["hilfe", "status", "umfrage", "interviews", "notiz", "ergebnis"], personal);
        Assert.Contains("umfrage", CommandTitles(bot, "team"));
        Assert.Contains("hilfe", CommandTitles(bot, "groupChat"));
    }

    [Fact]
    public async Task GermanIsTheDefaultLanguageAndEnglishTranslatesEveryCommandAndTab()
    {
        using var package = await BuiltPackage.CreateAsync();
        var manifest = package.Manifest;
        var localization = manifest["localizationInfo"]!;
        Assert.Equal("de-de", localization["defaultLanguageTag"]!.GetValue<string>());
        var english = localization["additionalLanguages"]!.AsArray().Single(l => l!["languageTag"]!.GetValue<string>() == "en-us")!;
        var strings = package.LanguageFile(english["file"]!.GetValue<string>()).AsObject();

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]!["commands"]!.AsArray();
            for (var command = 0; command < commands.Count; command++)
            {
                Assert.True(strings.ContainsKey($"bots[0].commandLists[{list}].commands[{command}].title"), $"list {list} command {command} has no English title");
                Assert.True(strings.ContainsKey($"bots[0].commandLists[{list}].commands[{command}].description"), $"list {list} command {command} has no English description");
            }
        }
        for (var tab = 0; tab < manifest["staticTabs"]!.AsArray().Count; tab++)
        {
            Assert.True(strings.ContainsKey($"staticTabs[{tab}].name"), $"static tab {tab} has no English name");
        }
        Assert.Equal("help", strings["bots[0].commandLists[0].commands[0].title"]!.GetValue<string>());
        Assert.Equal("poll", strings["bots[0].commandLists[0].commands[2].title"]!.GetValue<string>());
        Assert.Equal("note", strings["bots[0].commandLists[0].commands[4].title"]!.GetValue<string>());
    }

    [Fact]
    public async Task LanguageFileUsesTheSameSchemaVersionAsTheManifest()
    {
        // Teams rejects a package whose language files name another manifest version than manifest.json.
        using var package = await BuiltPackage.CreateAsync();
        var manifestSchema = package.Manifest["$schema"]!.GetValue<string>();
        var languageSchema = package.LanguageFile("en-us.json")["$schema"]!.GetValue<string>();

        Assert.Equal(manifestSchema.Replace("MicrosoftTeams.schema.json", "MicrosoftTeams.Localization.schema.json", StringComparison.Ordinal), languageSchema);
        Assert.Contains($"/v{package.Manifest["manifestVersion"]!.GetValue<string>()}/", manifestSchema, StringComparison.Ordinal);
    }

    [Fact]
    public void SameInputGivesTheSamePackageByteForByte()
    {
        var request = new ManifestPackageRequest(Guid.Parse(BuiltPackage.AppId), BuiltPackage.Domain, "1.2.3");
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        ManifestPackage.WriteZip(first, request);
        ManifestPackage.WriteZip(second, request);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void VersionGivenOnTheCommandLineEndsUpInTheManifest()
    {
        var files = ManifestPackage.CreateFiles(new ManifestPackageRequest(Guid.Parse(BuiltPackage.AppId), BuiltPackage.Domain, "2.4.6"));
        var manifest = JsonNode.Parse(files.Single(f => f.Name == ManifestPackage.ManifestFile).Content)!;

        Assert.Equal("2.4.6", manifest["version"]!.GetValue<string>());
    }

    private static string[] CommandTitles(JsonNode bot, string scope) =>
        [.. bot["commandLists"]!.AsArray()
            .Where(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))
            .SelectMany(l => l!["commands"]!.AsArray())
            .Select(c => c!["title"]!.GetValue<string>())];
}
