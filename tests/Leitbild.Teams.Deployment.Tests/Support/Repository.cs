namespace Leitbild.Teams.Deployment.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries to Leitbild.Teams.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Leitbild.Teams.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Leitbild.Teams.sln above {AppContext.BaseDirectory}.");
    }
}
