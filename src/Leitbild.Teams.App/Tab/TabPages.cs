using System.Text.Encodings.Web;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Tab;

/// <summary>
/// The tab's pages: one small HTML shell per route that loads TeamsJS and the page's ES module from wwwroot.
/// Teams, Outlook and the Microsoft 365 app frame these pages, so each one names the hosts allowed to frame it.
/// </summary>
public static class TabPages
{
    /// <summary>Microsoft's list of hosts that show tabs (see DESIGN.md); <c>frame-ancestors</c>, never X-Frame-Options.</summary>
    public static readonly IReadOnlyList<string> FrameAncestors =
    [
        "teams.microsoft.com", "*.teams.microsoft.com", "*.cloud.microsoft", "*.microsoft365.com", "*.office.com",
        "outlook.office.com", "outlook.office365.com", "outlook-sdf.office.com", "outlook-sdf.office365.com",
    ];

    /// <summary>
    /// TeamsJS fetches its list of valid host origins from this file when it loads (and falls back to the list it
    /// bundles when that fails): the one outside address the tab may call.
    /// </summary>
    public const string TeamsJsValidDomains = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";

    /// <summary>Scripts, styles and API calls come only from this app; no inline script anywhere in the tab.</summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' " + TeamsJsValidDomains + "; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + string.Join(' ', FrameAncestors);

    /// <summary>Route → the page id the client scripts switch on.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/tab/dashboard"] = "dashboard/" + TabSections.Process,
        ["/tab/dashboard/" + TabSections.InterviewsWorkshops] = "dashboard/" + TabSections.InterviewsWorkshops,
        ["/tab/dashboard/" + TabSections.Polls] = "dashboard/" + TabSections.Polls,
        ["/tab/dashboard/" + TabSections.Results] = "dashboard/" + TabSections.Results,
        ["/tab/mein-leitbild"] = "mein-leitbild",
        ["/tab/config"] = "config",
        ["/tab/channel"] = "channel",
    };

    public const string DevSignInRoute = "/tab/dev-signin";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IEndpointRouteBuilder MapTabPages(this IEndpointRouteBuilder routes, bool withDevSignIn)
    {
        var pages = routes.MapGroup("").AllowAnonymous().AddEndpointFilter(AddFramingHeaders);
        pages.MapGet("tab", (HttpRequest request) => TypedResults.Redirect("/tab/dashboard" + request.QueryString));
        foreach (var (route, page) in Routes)
        {
            pages.MapGet(route, (HttpRequest request, IOptions<LeitbildOptions> options) => Render(page, request, options.Value.Mode));
        }
        if (withDevSignIn)
        {
            pages.MapGet(DevSignInRoute, (HttpRequest request, IOptions<LeitbildOptions> options) => Render("dev-signin", request, options.Value.Mode));
        }
        return routes;
    }

    public static IResult Render(string page, HttpRequest request, AppMode mode)
    {
        var language = request.Query["lang"].ToString() is "en" ? "en" : "de";
        var html = Html;
        var title = html.Encode(Texts.Get("tab.pageTitle." + page.Replace('/', '.'), language));
        var loading = html.Encode(Texts.Get("tab.loading", language));
        var noScript = html.Encode(Texts.Get("tab.noScript", language));
        var modeName = mode == AppMode.Local ? "local" : "microsoft365";
        return TypedResults.Content($"""
            <!DOCTYPE html>
            <html lang="{language}" data-theme="default">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <link rel="stylesheet" href="/tab/css/tab.css">
            <script src="/lib/MicrosoftTeams.min.js"></script>
            <script type="module" src="/tab/js/main.js"></script>
            </head>
            <body data-page="{html.Encode(page)}" data-mode="{modeName}">
            <div id="app"><p class="loading" role="status">{loading}</p></div>
            <noscript><p>{noScript}</p></noscript>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    private static async ValueTask<object?> AddFramingHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = "no-cache";
        return await next(context);
    }
}
