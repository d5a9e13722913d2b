namespace Leitbild.Teams.Report.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The folder holding Leitbild.Teams.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

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
