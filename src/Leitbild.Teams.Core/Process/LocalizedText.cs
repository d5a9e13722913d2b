namespace Leitbild.Teams.Core.Process;

/// <summary>A text a person reads, in German (the default) and English.</summary>
public sealed record LocalizedText(string De, string En)
{
    /// <summary>English only when asked for; everything else gets German.</summary>
    public string In(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : De;
}
