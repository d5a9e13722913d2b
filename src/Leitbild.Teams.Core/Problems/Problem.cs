namespace Leitbild.Teams.Core.Problems;

/// <summary>
/// One thing wrong with a request: the field it concerns and what is wrong, as a key of the texts files with its
/// arguments. Core names problems; the surfaces (API, bot, CLI) turn them into German or English.
/// </summary>
public sealed record Problem(string Field, string TextKey, IReadOnlyList<object> Args)
{
    public static Problem Of(string field, string textKey, params object[] args) => new(field, textKey, args);

    public override string ToString() => $"{Field}: {TextKey}";
}

/// <summary>What kind of refusal a problem is; each surface maps it once (HTTP 400, 404, 409, 403, 503).</summary>
public enum ProblemKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unavailable,
}

/// <summary>A request that cannot be carried out as asked. Nothing has been changed when it is thrown.</summary>
public sealed class ProblemException(ProblemKind kind, IReadOnlyList<Problem> problems)
    : Exception($"{kind}: {string.Join("; ", problems)}")
{
    public ProblemKind Kind { get; } = kind;

    public IReadOnlyList<Problem> Problems { get; } = problems;

    public static ProblemException Invalid(IReadOnlyList<Problem> problems) => new(ProblemKind.Invalid, problems);

    public static ProblemException Invalid(string field, string textKey, params object[] args) => new(ProblemKind.Invalid, [Problem.Of(field, textKey, args)]);

    public static ProblemException NotFound(string field, string textKey, params object[] args) => new(ProblemKind.NotFound, [Problem.Of(field, textKey, args)]);

    public static ProblemException Conflict(string field, string textKey, params object[] args) => new(ProblemKind.Conflict, [Problem.Of(field, textKey, args)]);

    public static ProblemException Forbidden(string field, string textKey, params object[] args) => new(ProblemKind.Forbidden, [Problem.Of(field, textKey, args)]);

    public static ProblemException Unavailable(string field, string textKey, params object[] args) => new(ProblemKind.Unavailable, [Problem.Of(field, textKey, args)]);

    /// <summary>Throws <see cref="Invalid(IReadOnlyList{Problem})"/> when there is anything in the list.</summary>
    public static void ThrowIfAny(IReadOnlyCollection<Problem> problems)
    {
        if (problems.Count > 0)
        {
            throw Invalid([.. problems]);
        }
    }
}
