using System.Reflection;

namespace Leitbild.Teams.Deployment.Tests.Support;

/// <summary>The bicep binary from NuGet Azure.Bicep.CommandLine.linux-x64 (no download at run time).</summary>
public static class Bicep
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Executable.Value, arguments, Repository.PathOf("infra"), TimeSpan.FromMinutes(3));

    private static string Locate()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"bicep not found at '{path}': restore the test project (Azure.Bicep.CommandLine.linux-x64).");
        }
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The bicep package referenced here is the linux-x64 build.");
        }
        // NuGet extraction does not always keep the executable bit.
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return path;
    }
}
