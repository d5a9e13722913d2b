using System.Text.Json;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Playwright;

namespace Leitbild.Teams.Tab.Tests.Browser;

/// <summary>One browser context (its own sessionStorage, so its own signed-in person) with one page, and what it logged.</summary>
public sealed class TabPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    private TabPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        // Uncaught script errors and CSP refusals are bugs; a refused API call (403 for a reviewer) is logged by Chromium
        // as "Failed to load resource" and is expected in some tests.
        page.PageError += (_, error) => _problems.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _problems.Add("console: " + message.Text);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>A page on the shared local-mode app, or on <paramref name="baseUrl"/> (another app the test started).</summary>
    public static async Task<TabPage> OpenAsync(BrowserApp app, string? baseUrl = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1100, Height = 800 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
        });
        // Nothing leaves this machine. The tab's CSP lets a page reach only the app and TeamsJS's valid-origins list;
        // that one request is refused here, and TeamsJS falls back to the list it bundles.
        await context.RouteAsync("https://res.cdn.office.net/**", route => route.AbortAsync());
        // The machine is shared with other builds: wait longer than Playwright's default before calling a page stuck.
        context.SetDefaultTimeout(60_000);
        // axe-core from tests/node/axe, added to every document before its own scripts (a script tag would be refused by the tab's CSP).
        await context.AddInitScriptAsync(scriptPath: RepoPaths.AxeScript);
        return new TabPage(context, await context.NewPageAsync());
    }

    /// <summary>Opens a tab page; without anyone signed in it goes through the development sign-in as <paramref name="personName"/>.</summary>
    public async Task GoToAsync(string path, string? personName = null)
    {
        // Waiting for "load" races the page's own redirect to the sign-in page (seen as a 60 s stall on a busy
        // machine); the ready marker below is what the tests need, whichever page sets it.
        await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        // Either the page itself gets ready, or its script sends the browser to the sign-in page, which gets ready.
        await WaitUntilReadyAsync();
        if (personName is not null && Page.Url.Contains("/tab/dev-signin", StringComparison.Ordinal) && !path.StartsWith("/tab/dev-signin", StringComparison.Ordinal))
        {
            await Page.GetByRole(AriaRole.Button, new() { NameRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(personName)}\\b") }).ClickAsync();
            await Page.WaitForURLAsync(url => !url.Contains("/tab/dev-signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
            await WaitUntilReadyAsync();
        }
    }

    public Task WaitUntilReadyAsync() => Page.Locator("body[data-ready='true']").WaitForAsync();

    /// <summary>The development token this context holds, as the page's scripts use it.</summary>
    public async Task<string> TokenAsync() =>
        await Page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('leitbild.devSignIn')).token");

    /// <summary>axe-core's WCAG 2.1 A/AA rules; returns the serious and critical violations, one line each.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        return violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }

    /// <summary>Fails with every serious or critical violation spelled out (Assert.Empty would cut them short).</summary>
    public async Task AssertAccessibleAsync()
    {
        var violations = await SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>No text a script produced by mistake: "[object …]", "undefined", "null", or a text key shown instead of its text.</summary>
    public async Task AssertNoRenderingLeftoversAsync()
    {
        var text = await Page.InnerTextAsync("body");
        Assert.DoesNotMatch(@"\[object |\bundefined\b|\bnull\b|\btab\.[a-z]+\.", text);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(RepoPaths.Docs);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Docs, $"tab-{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
