using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Evaluation;

/// <summary>Interview notes or workshop outcomes that cannot be stored as given; nothing was changed when it is thrown.
/// Names every wrong field with a German and an English message.</summary>
public sealed class EvaluationException(IReadOnlyList<FieldProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem.De} / {p.Problem.En}")))
{
    public EvaluationException(string field, LocalizedText problem) : this([new FieldProblem(field, problem)])
    {
    }

    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
