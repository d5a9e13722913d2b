
namespace Leitbild.Teams.App.Localization;

/// <summary>German by default; English when the request asks for it (?lang=en, or Accept-Language from the tab's client).</summary>
public static class RequestLanguage
{
    public static string Of(HttpRequest request)
    {
        if (request.Query.TryGetValue("lang", out var lang) && !string.IsNullOrEmpty(lang))
        {
            return Texts.IsEnglish(lang) ? "en" : "de";
        }
        var accept = request.GetTypedHeaders().AcceptLanguage;
        var first = accept.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return Texts.IsEnglish(first?.Value.Value) ? "en" : "de";
    }
}
