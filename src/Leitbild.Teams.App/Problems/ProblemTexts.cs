using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Problems;

namespace Leitbild.Teams.App.Problems;

/// <summary>Core's problems in the words of the texts files, in the language the person reads.</summary>
public static class ProblemTexts
{
    public static string Text(Problem problem, string? language) => Texts.Format(problem.TextKey, language, [.. problem.Args]);

    /// <summary>"German / English", for places that cannot know the reader's language (start-up, logs for operators).</summary>
    public static string Both(Problem problem) => $"{Text(problem, "de")} / {Text(problem, "en")}";

    public static string Title(ProblemKind kind, string? language) => Texts.Get(TitleKey(kind), language);

    public static IReadOnlyList<string> All(IEnumerable<Problem> problems, string? language) =>
        problems.Select(p => Text(p, language)).Distinct(StringComparer.Ordinal).ToList();

    private static string TitleKey(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => "problem.title.invalid",
        ProblemKind.NotFound => "problem.title.notFound",
        ProblemKind.Conflict => "problem.title.conflict",
        ProblemKind.Forbidden => "problem.title.forbidden",
        _ => "problem.title.unavailable",
    };
}
