using System.Text.Json.Nodes;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Bot.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Bot;

/// <summary>What Teams offers in the command menu is what the bot understands, in German and English.</summary>
public sealed class ManifestCommandsTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task EveryAdvertisedCommandIsUnderstoodAndEveryCommandIsAdvertisedInThePersonalChat()
    {
        await using var app = new LocalAppFactory();
        var routes = app.Services.GetRequiredService<BotRoutes>().Commands;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifest", "manifest.template.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifest", "en-us.json")))!.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]!["commands"]!.AsArray();
            for (var command = 0; command < commands.Count; command++)
            {
                var german = commands[command]!["title"]!.GetValue<string>();
                var route = routes.SingleOrDefault(r => r.Names.Contains(german, StringComparer.OrdinalIgnoreCase));
                Assert.True(route is not null, $"'{german}' is advertised but the bot does not understand it");
                var englishTitle = english[$"bots[0].commandLists[{list}].commands[{command}].title"]!.GetValue<string>();
                Assert.True(route.Names.Contains(englishTitle, StringComparer.OrdinalIgnoreCase), $"'{englishTitle}' is advertised in English but names another command than '{german}'");
            }
        }
        var personal = lists.Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == "personal"))!["commands"]!.AsArray()
            .Select(c => c!["title"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(routes, r => Assert.True(r.Names.Any(personal.Contains), $"'{r.Names[0]}' is understood but not in the personal chat's command menu"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leitbild.Teams.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Leitbild.Teams.sln not found above " + AppContext.BaseDirectory);
    }
}
