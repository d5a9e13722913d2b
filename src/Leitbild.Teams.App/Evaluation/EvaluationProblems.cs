using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>Turns the evaluation's problems into the answers the tab shows (German or English by the request).</summary>
internal static class EvaluationProblems
{
    public static ValidationProblem Invalid(IEnumerable<FieldProblem> problems, string language, string titleKey) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Problem.In(language)).ToArray(), StringComparer.Ordinal),
            title: Texts.Get(titleKey, language));

    public static ProblemHttpResult Problem(int status, string detailKey, string language, params object[] args) =>
        TypedResults.Problem(title: Texts.Get("evaluation.api.notDone", language), detail: Texts.Format(detailKey, language, args), statusCode: status);

    /// <summary>An enum value from its name (any case); numbers are refused so "1" is not silently a kind.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !char.IsDigit(text.Trim()[0]) && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static FieldProblem Unknown(string field, string? text, IEnumerable<string> allowed) => new(field, new(
        $"„{text}“ ist kein gültiger Wert; erlaubt: {string.Join(", ", allowed)}.",
        $"'{text}' is not a valid value; allowed: {string.Join(", ", allowed)}."));

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]);
}
