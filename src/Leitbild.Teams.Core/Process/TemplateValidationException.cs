namespace Leitbild.Teams.Core.Process;

/// <summary>A template file is wrong: names the file, the field (JSON path) and what is wrong, in German and English.</summary>
public sealed class TemplateValidationException(string file, string field, LocalizedText problem)
    : Exception($"{file}: {field}: {problem.De} / {problem.En}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public LocalizedText Problem { get; } = problem;
}
