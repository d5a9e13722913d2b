using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.StaffDirectory;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Evaluation;

// What the report and seed-demo verbs share: strict option parsing, the app's services without a web host, and
// messages in both languages (a terminal has no language to ask).
internal static class EvaluationCli
{
    // Parses "--name value" pairs and "--flag"s; null with a German / English message on anything else.
    public static (Dictionary<string, string?>? Options, string? Error) Parse(string[] arguments, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i++)
        {
            var name = arguments[i];
            if (options.ContainsKey(name))
            {
                return (null, Both("evaluation.cli.repeated", name));
            }
            if (flags.Contains(name))
            {
                options[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (i + 1 >= arguments.Length || arguments[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(arguments[i + 1]))
                {
                    return (null, Both("evaluation.cli.valueMissing", name));
                }
                options[name] = arguments[++i];
            }
            else
            {
                return (null, Both("evaluation.cli.unknownArgument", name));
            }
        }
        return (options, null);
    }

    // The app's storage, process, results and evaluation services over the configured (or given) SQLite file.
    public static ServiceProvider Services(string? databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(databasePath is null ? [] : [new($"{LeitbildOptions.Section}:{nameof(LeitbildOptions.DatabasePath)}", databasePath)])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<LeitbildOptions>().Bind(configuration.GetSection(LeitbildOptions.Section));
        services.AddSingleton<IValidateOptions<LeitbildOptions>, LeitbildOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage().AddProcess().AddDirectory().AddResults().AddPollTables().AddEvaluation();
        return services.BuildServiceProvider();
    }

    public static string DatabasePath(ServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<LeitbildOptions>>().Value.DatabasePath);

    // "German / English" of one text.
    public static string Both(string key, params object[] args) => $"{Texts.Format(key, "de", args)} / {Texts.Format(key, "en", args)}";
}
