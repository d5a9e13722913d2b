using System.Text.Json;

namespace Leitbild.Teams.Deployment.Tests.Support;

public sealed record SchemaResult(string File, string? Schema, bool Valid, IReadOnlyList<string> Errors);

/// <summary>
/// Runs tests/node/manifest-schema/validate.mjs: the official schemas bundled in npm @microsoft/app-manifest and
/// the package's own AppManifestUtils.validateAgainstSchema, offline.
/// </summary>
public static class ManifestSchemaValidator
{
    public static string Folder => Repository.PathOf("tests", "node", "manifest-schema");

    public static async Task<(int ExitCode, IReadOnlyList<SchemaResult> Results)> ValidateAsync(params string[] files)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new InvalidOperationException($"npm packages missing: run 'npm ci' in {Folder} (./test.sh does).");
        }
        var run = await ProcessRunner.RunAsync("node", ["validate.mjs", .. files], Folder, TimeSpan.FromMinutes(2));
        var results = run.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToList();
        if (results.Count != files.Length)
        {
            throw new InvalidOperationException($"validate.mjs answered {results.Count} of {files.Length} files. stderr: {run.StandardError}");
        }
        return (run.ExitCode, results);
    }

    private static SchemaResult Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new SchemaResult(
            root.GetProperty("file").GetString()!,
            root.TryGetProperty("schema", out var schema) ? schema.GetString() : null,
            root.GetProperty("valid").GetBoolean(),
            [.. root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)]);
    }
}
