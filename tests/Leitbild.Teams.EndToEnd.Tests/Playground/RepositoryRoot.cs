namespace Leitbild.Teams.EndToEnd.Tests.Playground;

public static class RepositoryRoot
{
    /// <summary>The folder holding Leitbild.Teams.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Leitbild.Teams.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Leitbild.Teams.sln not found above " + AppContext.BaseDirectory);
    }
}
