using Leitbild.Teams.Bench;

// One scenario per file; the first argument picks it, the rest goes to the scenario (see bench/README.md).
var scenarios = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["results-requests"] = _ => ResultsRequestsScenario.RunAsync(),
    ["results-drain"] = _ => ResultsDrainScenario.RunAsync(),
    ["scheduling-60"] = SchedulingSixtyPeopleScenario.RunAsync,
    ["scheduling-200"] = SchedulingTwoHundredPeopleScenario.RunAsync,
    ["tab-results"] = TabResultsScenario.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Leitbild.Teams.Bench -- <scenario>");
    Console.Error.WriteLine("scenarios: " + string.Join(", ", scenarios.Keys));
    return 2;
}
return await run(args[1..]);
