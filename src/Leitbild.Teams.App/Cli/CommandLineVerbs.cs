namespace Leitbild.Teams.App.Cli;

/// <summary>
/// Verbs of the app (<c>dotnet run --project src/Leitbild.Teams.App -- VERB ...</c>). Each feature adds one entry.
/// A verb returns its exit code: 0 done, 2 wrong arguments, 1 failed.
/// </summary>
public static class CommandLineVerbs
{
    public delegate Task<int> Verb(string[] arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    private static readonly Dictionary<string, (string Help, Verb Run)> Verbs = new(StringComparer.Ordinal)
    {
        [Packaging.PackageManifestVerb.Name] = (Packaging.PackageManifestVerb.Help, Packaging.PackageManifestVerb.RunAsync),
        ["provision-sharepoint"] = (ResultsStorage.ProvisionSharePointVerb.Help, ResultsStorage.ProvisionSharePointVerb.RunAsync),
        [Evaluation.Report.ReportVerb.Name] = (Evaluation.Report.ReportVerb.Help, Evaluation.Report.ReportVerb.RunAsync),
        [Evaluation.SeedDemoVerb.Name] = (Evaluation.SeedDemoVerb.Help, Evaluation.SeedDemoVerb.RunAsync),
        [Privacy.PrivacyVerbs.RecordName] = (Privacy.PrivacyVerbs.RecordHelp, Privacy.PrivacyVerbs.RecordAsync),
        [Privacy.PrivacyVerbs.RetentionName] = (Privacy.PrivacyVerbs.RetentionHelp, Privacy.PrivacyVerbs.RetentionAsync),
        [Privacy.PrivacyVerbs.PersonName] = (Privacy.PrivacyVerbs.PersonHelp, Privacy.PrivacyVerbs.PersonAsync),
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>Every verb with its one-line help, for the usage text.</summary>
    public static IEnumerable<(string Name, string Help)> All => Verbs.Select(v => (v.Key, v.Value.Help));

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        Verbs[args[0]].Run(args[1..], output, error, cancellationToken);
}
