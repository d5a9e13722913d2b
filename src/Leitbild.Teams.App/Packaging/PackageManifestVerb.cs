using System.Text.RegularExpressions;
using Leitbild.Teams.App.Localization;

namespace Leitbild.Teams.App.Packaging;

/// <summary>
/// <c>package-manifest --app-id &lt;guid&gt; --domain &lt;host&gt; [--out leitbild-teams.zip] [--version x.y.z]</c>:
/// fills the manifest template and writes the Teams app package. Wrong arguments: exit 2, every problem named in
/// German and English, nothing written.
/// </summary>
public static partial class PackageManifestVerb
{
    public const string Name = "package-manifest";
    public const string Help = "Teams-App-Paket bauen / build the Teams app package: --app-id <GUID> --domain <host> [--out leitbild-teams.zip] [--version x.y.z]";
    public const string DefaultOut = "leitbild-teams.zip";

    private static readonly string[] Options = ["--app-id", "--domain", "--out", "--version"];

    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (request, outPath, problems) = Parse(arguments);
        if (problems.Count > 0 || request is null || outPath is null)
        {
            foreach (var (key, args) in problems)
            {
                await error.WriteLineAsync($"- {Texts.Format(key, "de", args)}");
                await error.WriteLineAsync($"  {Texts.Format(key, "en", args)}");
            }
            await error.WriteLineAsync(Texts.Get("package.usage", "de"));
            await error.WriteLineAsync(Texts.Get("package.usage", "en"));
            return 2;
        }

        // Write next to the target and move into place, so a failure never leaves half a package behind.
        var temporary = $"{outPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                ManifestPackage.WriteZip(file, request);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, outPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            await error.WriteLineAsync(Texts.Format("package.failed", "de", outPath, exception.Message));
            await error.WriteLineAsync(Texts.Format("package.failed", "en", outPath, exception.Message));
            return 1;
        }

        await output.WriteLineAsync(Texts.Format("package.done", "de", outPath));
        await output.WriteLineAsync(Texts.Format("package.done", "en", outPath));
        return 0;
    }

    /// <summary>Reads the arguments; every problem is collected, so one run names them all.</summary>
    public static (ManifestPackageRequest? Request, string? OutPath, List<(string Key, object[] Args)> Problems) Parse(string[] arguments)
    {
        var problems = new List<(string, object[])>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i++)
        {
            var name = arguments[i];
            if (!Options.Contains(name, StringComparer.Ordinal))
            {
                problems.Add(("package.error.unknownArgument", [name]));
                continue;
            }
            if (i + 1 >= arguments.Length || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add(("package.error.valueMissing", [name]));
                continue;
            }
            if (!values.TryAdd(name, arguments[++i]))
            {
                problems.Add(("package.error.duplicate", [name]));
            }
        }

        var appId = ParseAppId(values.GetValueOrDefault("--app-id"), problems);
        var domain = ParseDomain(values.GetValueOrDefault("--domain"), problems);
        var version = ParseVersion(values.GetValueOrDefault("--version"), problems);
        var outPath = ParseOut(values.GetValueOrDefault("--out"), problems);

        if (problems.Count > 0 || appId is null || domain is null || version is null || outPath is null)
        {
            return (null, null, problems);
        }
        return (new ManifestPackageRequest(appId.Value, domain, version), outPath, problems);
    }

    private static Guid? ParseAppId(string? value, List<(string, object[])> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(("package.error.appIdMissing", []));
            return null;
        }
        if (!Guid.TryParseExact(value.Trim(), "D", out var appId) || appId == Guid.Empty)
        {
            problems.Add(("package.error.appIdInvalid", [value]));
            return null;
        }
        return appId;
    }

    private static string? ParseDomain(string? value, List<(string, object[])> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(("package.error.domainMissing", []));
            return null;
        }
        // Entra asks for a lower-case host in the App ID URI (api://host/app-id); DNS does not care.
        var domain = value.Trim().ToLowerInvariant();
        if (domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal) || domain.Contains(':', StringComparison.Ordinal))
        {
            problems.Add(("package.error.domainNotHost", [value]));
            return null;
        }
        if (domain.Length > 253 || !HostName().IsMatch(domain))
        {
            problems.Add(("package.error.domainInvalid", [value]));
            return null;
        }
        return domain;
    }

    private static string? ParseVersion(string? value, List<(string, object[])> problems)
    {
        if (value is null)
        {
            var assemblyVersion = typeof(PackageManifestVerb).Assembly.GetName().Version ?? new Version(1, 0, 0);
            return $"{assemblyVersion.Major}.{assemblyVersion.Minor}.{Math.Max(assemblyVersion.Build, 0)}";
        }
        if (!AppVersion().IsMatch(value))
        {
            problems.Add(("package.error.versionInvalid", [value]));
            return null;
        }
        return value;
    }

    private static string? ParseOut(string? value, List<(string, object[])> problems)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? DefaultOut : value);
        var folder = Path.GetDirectoryName(path);
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || folder is null || !Directory.Exists(folder) || Directory.Exists(path))
        {
            problems.Add(("package.error.outInvalid", [value ?? DefaultOut]));
            return null;
        }
        return path;
    }

    // Labels of letters, digits and inner hyphens; at least two labels; the last one not all digits (no IP addresses).
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    // The manifest schema's "version": three numbers without leading zeros.
    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AppVersion();
}
