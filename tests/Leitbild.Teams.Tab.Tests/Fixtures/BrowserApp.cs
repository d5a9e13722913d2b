using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>
/// The app on real Kestrel (127.0.0.1, a free port) in local mode, and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it uses only its bundled driver and /usr/bin/chromium.
/// Both stop when the last test of the collection is done.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic",
    ];

    public TabAppFactory Factory { get; } = TabAppFactory.Local();

    public string BaseUrl { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium); ./test.sh does.");
        }
        if (!File.Exists(RepoPaths.AxeScript))
        {
            throw new InvalidOperationException($"{RepoPaths.AxeScript} is missing: run 'npm ci' in tests/node/axe; ./test.sh does.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        BaseUrl = StartOnKestrel(Factory);
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Starts the app on real Kestrel at 127.0.0.1 and a free port; returns its base address.</summary>
    public static string StartOnKestrel(TabAppFactory factory)
    {
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        Playwright?.Dispose();
        Api?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Tab in Chromium";
}
