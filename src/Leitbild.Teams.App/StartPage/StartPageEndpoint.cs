using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.StartPage;

/// <summary>The page at "/": what runs here and how to connect a Teams client locally. German unless ?lang=en.</summary>
public static class StartPageEndpoint
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private const string Style = """
        <style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.5}
                    code,pre{background:#f0f0f0;border-radius:4px;padding:.1rem .3rem}pre{padding:.75rem;overflow-x:auto;white-space:pre-wrap}
                    table{border-collapse:collapse}td,th{text-align:left;padding:.25rem .75rem .25rem 0;vertical-align:top}a{color:#4f52b2}</style>
        """;

    public static IEndpointRouteBuilder MapStartPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Render);
        return routes;
    }

    public static async Task<IResult> Render(HttpRequest request, IProcessStore store, SqliteDatabase database, IOptions<LeitbildOptions> options, CancellationToken cancellationToken)
    {
        var lang = request.Query["lang"].ToString() is "en" ? "en" : "de";
        string T(string key) => Html.Encode(Texts.Get(key, lang));
        string E(string value) => Html.Encode(value);

        var processes = await store.ListProcessesAsync(cancellationToken);
        var process = processes.FirstOrDefault();
        var self = $"{request.Scheme}://{request.Host}";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{T("start.title")}</title>
            {Style}</head>
            <body>
            <p><a href="{(lang == "en" ? "/" : "/?lang=en")}" lang="{(lang == "en" ? "de" : "en")}">{T("start.language")}</a></p>
            <h1>{T("start.title")}</h1>
            <p>{T("start.intro")}</p>
            <h2>{T("start.runs")}</h2>
            <table>
            <tr><th scope="row">{T("start.mode")}</th><td>{E(options.Value.Mode.ToString())}</td></tr>
            <tr><th scope="row">{T("start.database")}</th><td><code>{E(System.IO.Path.GetFileName(database.Path))}</code></td></tr>
            <tr><th scope="row">{T("start.bot")}</th><td><code>{E(self)}/api/messages</code></td></tr>
            """);
        if (process is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{T("start.process")}</th><td>{E(process.Title.In(lang))}</td></tr>");
        }
        html.Append("</table>");
        if (process is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{T("start.phases")}</h2><ol>");
            foreach (var phase in process.Phases)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(phase.Title.In(lang))} — {phase.PlannedStart:dd.MM.yyyy}–{phase.PlannedEnd:dd.MM.yyyy} ({T("phase.status." + phase.Status.ToString().ToLowerInvariant())})</li>");
            }
            html.Append("</ol>");
        }
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{T("start.connect")}</h2>
            <p>{T("start.connect.text")}</p>
            <pre>cd tests/node/playground &amp;&amp; npm ci
            APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none npx agentsplayground --port 56150 --app-endpoint {E(self)}/api/messages --channel-id msteams --disable-telemetry</pre>
            <h2>{T("start.api")}</h2>
            <ul><li><a href="/healthz">/healthz</a> — {T("start.health")}</li>
            <li><a href="/api/process">/api/process</a> — {T("start.processApi")}</li>
            <li><a href="/tab/dashboard{(lang == "en" ? "?lang=en" : "")}">/tab/dashboard</a> — {T("start.tab")}</li></ul>
            </body></html>
            """);
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
