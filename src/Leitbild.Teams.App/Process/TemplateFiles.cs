using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Process;

/// <summary>Reads a template folder from disk; the shipped Bergkamen template sits beside the app.</summary>
public static class TemplateFiles
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Seed", "bergkamen");

    public static LeitbildTemplate Load(string? folder)
    {
        var root = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : Path.GetFullPath(folder);
        return TemplateLoader.Load(name =>
        {
            var path = Path.Combine(root, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
    }
}
