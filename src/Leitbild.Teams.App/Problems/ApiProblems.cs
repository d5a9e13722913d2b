using System.Text.Json;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Problems;

/// <summary>
/// The one place where a refused API request becomes an answer: RFC 9457 problem details, title and detail in the
/// caller's language, every wrong field under <c>errors</c>. Endpoints and services throw <see cref="ProblemException"/>;
/// the filter on the API route groups turns it into 400, 403, 404, 409 or 503. Nothing else is caught here: an
/// unexpected exception stays a 500 that the logs show.
/// </summary>
public static class ApiProblems
{
    /// <summary>Adds the filter to a route group (and so to every endpoint in it).</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(TranslateAsync);

    public static ProblemHttpResult Result(ProblemException problem, string language)
    {
        var texts = ProblemTexts.All(problem.Problems, language);
        var errors = problem.Problems
            .GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (object?)ProblemTexts.All(g, language), StringComparer.Ordinal);
        return TypedResults.Problem(
            title: ProblemTexts.Title(problem.Kind, language),
            detail: string.Join(" ", texts),
            statusCode: StatusCode(problem.Kind),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static int StatusCode(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    private static async ValueTask<object?> TranslateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ProblemException e)
        {
            return Result(e, RequestLanguage.Of(context.HttpContext.Request));
        }
        catch (JsonException e)
        {
            // A body the handler read itself and could not parse: the caller's mistake, never a 500.
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return Result(ProblemException.Invalid(field, "problem.body.invalidField", field), RequestLanguage.Of(context.HttpContext.Request));
        }
    }
}
