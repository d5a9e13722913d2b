using System.Collections.Frozen;

namespace Leitbild.Teams.App.Legal;

/// <summary>The privacy notice and terms of use the Teams manifest links to (/datenschutz, /nutzungsbedingungen). German unless ?lang=en.</summary>
public static class LegalPages
{
    private static readonly FrozenDictionary<string, string> Pages = new[] { "privacy-de", "privacy-en", "terms-de", "terms-en", "accessibility-de", "accessibility-en" }
        .ToFrozenDictionary(name => name, Load, StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapLegal(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("datenschutz", (HttpRequest request) => Render("privacy", request));
        routes.MapGet("nutzungsbedingungen", (HttpRequest request) => Render("terms", request));
        return routes;
    }

    private static IResult Render(string page, HttpRequest request)
    {
        var lang = request.Query["lang"].ToString() == "en" ? "en" : "de";
        return Shell(Pages[$"{page}-{lang}"], lang, "Leitbild.Teams");
    }

    /// <summary>One embedded page by name (e.g. accessibility-de).</summary>
    internal static string Page(string name) => Pages[name];

    /// <summary>The frame every legal page shares: language switch, readable width.</summary>
    internal static IResult Shell(string content, string lang, string title)
    {
        var other = lang == "en" ? "de" : "en";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{System.Net.WebUtility.HtmlEncode(title)}</title>
            <style>body{"{"}font-family:"Segoe UI",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424{"}"}a{"{"}color:#4f52b2{"}"}</style>
            </head><body>
            <p><a href="?lang={other}" lang="{other}">{(lang == "en" ? "Deutsche Fassung" : "English version")}</a></p>
            <main>{content}</main>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Load(string name)
    {
        using var stream = typeof(LegalPages).Assembly.GetManifestResourceStream($"Leitbild.Teams.App.Legal.{name}.html")
            ?? throw new InvalidOperationException($"Embedded page {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
