using Leitbild.Teams.App.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>
/// The strings the tab's scripts show, from the same texts-*.json as the rest of the app: keys starting with "tab."
/// and the shared phase status names. Public (the sign-in page needs them before anyone is signed in) and cacheable.
/// </summary>
public static class TabTextsApi
{
    private static readonly string[] Prefixes = ["tab.", "phase.status."];

    public static RouteGroupBuilder MapTabTexts(this RouteGroupBuilder tabApi)
    {
        tabApi.MapGet("texts/{language}", GetTexts).AllowAnonymous();
        return tabApi;
    }

    public static Results<Ok<Dictionary<string, string>>, NotFound> GetTexts(string language, HttpResponse response)
    {
        if (language is not ("de" or "en"))
        {
            return TypedResults.NotFound();
        }
        response.Headers.CacheControl = "public, max-age=300";
        var texts = Texts.GermanKeys
            .Where(key => Prefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToDictionary(key => key, key => Texts.Get(key, language), StringComparer.Ordinal);
        return TypedResults.Ok(texts);
    }
}
