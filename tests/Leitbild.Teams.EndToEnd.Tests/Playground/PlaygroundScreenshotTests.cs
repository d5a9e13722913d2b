using Microsoft.Playwright;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

[Collection(PlaygroundCollection.Name)]
public class PlaygroundScreenshotTests(PlaygroundFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task ThePlaygroundPageShowsTheWelcomeCard()
    {
        Assert.True(File.Exists(Chromium), "Debian chromium is required: apt-get install -y chromium");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        // Opening the page installs the app in the personal chat, as Teams does on first use: the welcome card follows.
        await page.GotoAsync(fixture.Playground.BaseUrl + "/");
        var welcome = page.GetByText("Welcome to the vision process").First;
        await welcome.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByText("Process status").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        var path = Path.Combine(RepositoryRoot.Path, "docs", "playground-welcome.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
