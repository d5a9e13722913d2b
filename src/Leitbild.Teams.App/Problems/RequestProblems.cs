using Leitbild.Teams.App.Localization;

namespace Leitbild.Teams.App.Problems;

/// <summary>
/// Problem details for requests refused by the pipeline before any endpoint runs (host, origin, size, rate), in the
/// caller's language like <see cref="ApiProblems"/>.
/// </summary>
public static class RequestProblems
{
    public static Task WriteAsync(HttpContext context, int status, string titleKey, string detailKey, params object[] args)
    {
        var language = RequestLanguage.Of(context.Request);
        return TypedResults.Problem(
            title: Texts.Get(titleKey, language),
            detail: Texts.Format(detailKey, language, args),
            statusCode: status).ExecuteAsync(context);
    }
}
