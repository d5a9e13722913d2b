namespace Leitbild.Teams.Tab.Tests.Fixtures;

public static class RepoPaths
{
    /// <summary>The folder holding Leitbild.Teams.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Docs => Path.Combine(Root, "docs");

    public static string AxeScript => Path.Combine(Root, "tests", "node", "axe", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leitbild.Teams.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Leitbild.Teams.sln not found above " + AppContext.BaseDirectory);
    }
}
