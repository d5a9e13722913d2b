namespace Leitbild.Teams.Core.Polls;

/// <summary>One reason a poll definition or a submission is refused, in German (first) and English.</summary>
public sealed record PollProblem(string Field, string German, string English)
{
    public string In(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : German;

    public override string ToString() => $"{Field}: {German} / {English}";
}

public sealed class PollDefinitionException(IReadOnlyList<PollProblem> problems)
    : Exception("Umfrage ungültig / poll invalid: " + string.Join("; ", problems))
{
    public IReadOnlyList<PollProblem> Problems { get; } = problems;
}
