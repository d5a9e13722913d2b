using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>A scheduling request that cannot be carried out as asked (bad input or a state that does not allow it).
/// Nothing has been changed when it is thrown. Carries the message in German and English.</summary>
public sealed class SchedulingException(string field, LocalizedText problem) : Exception($"{field}: {problem.De} / {problem.En}")
{
    public string Field { get; } = field;
    public LocalizedText Problem { get; } = problem;
}
