using System.Text.Json;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.EndToEnd.Tests.Playground;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Leitbild.Teams.EndToEnd.Tests.Cards;

/// <summary>What the official renderer made of one card.</summary>
public sealed record RenderReport(string Version, bool Rendered, IReadOnlyList<RenderEvent> Events, IReadOnlyList<RenderedInput> Inputs, IReadOnlyList<string> Buttons, string Text);

public sealed record RenderEvent(string Phase, string Event, string Message, string Source);

public sealed record RenderedInput(string Id, string Type, bool InDom);

/// <summary>
/// Debian Chromium with a local page holding the official Adaptive Cards renderer (npm adaptivecards, from
/// tests/node/cards), and the app in local mode whose services build the cards. Nothing is fetched from the network.
/// </summary>
public sealed class CardRendererFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);
    private readonly LocalApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public IReadOnlyDictionary<string, CardSample> Samples { get; private set; } = new Dictionary<string, CardSample>();

    public static string NodeFolder => Path.Combine(RepositoryRoot.Path, "tests", "node", "cards");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), "Debian chromium is required: apt-get install -y chromium");
        var renderer = Path.Combine(NodeFolder, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
        Assert.True(File.Exists(renderer), $"Run 'npm ci' in {NodeFolder} first: {renderer} is missing.");

        _app.Start();
        using (var scope = _app.Services.CreateScope())
        {
            Samples = (await CardSamples.BuildAsync(scope.ServiceProvider, CancellationToken.None)).ToDictionary(s => s.Kind);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        // Teams shows cards in a column about 500 px wide; the page is white like a Teams chat in the light theme.
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 560, Height = 800 } });
        await _page.SetContentAsync("""
            <!doctype html><html lang="de"><head><meta charset="utf-8"><title>cards</title>
            <style>body{margin:0;padding:16px;background:#f5f5f5;font-family:"Segoe UI",sans-serif}
            #card{width:500px;background:#fff;border:1px solid #e0e0e0;border-radius:4px}</style></head>
            <body><div id="card"></div></body></html>
            """);
        await _page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = renderer });
        await _page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(NodeFolder, "render-card.js") });
    }

    /// <summary>Parses, validates and renders the card as Teams would receive it; saves a screenshot of it.</summary>
    public async Task<RenderReport> RenderAsync(AdaptiveCard card, string screenshotPath)
    {
        var json = BotJson.ToElement(card).GetRawText();
        var result = await _page!.EvaluateAsync<JsonElement>("json => window.renderCard(json)", json);
        Directory.CreateDirectory(Path.GetDirectoryName(screenshotPath)!);
        await _page.Locator("#card").ScreenshotAsync(new LocatorScreenshotOptions { Path = screenshotPath });
        return result.Deserialize<RenderReport>(ReportJson)!;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _app.DisposeAsync();
        _app.DeleteDatabase();
    }
}

[CollectionDefinition(Name)]
public sealed class CardRendererCollection : ICollectionFixture<CardRendererFixture>
{
    public const string Name = "card renderer";
}
