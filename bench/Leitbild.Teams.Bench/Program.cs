using Leitbild.Teams.Bench;

// One scenario per file; the first argument chooses it (see bench/README.md).
var scenarios = new Dictionary<string, Func<Task<int>>>(StringComparer.Ordinal)
{
    ["results-requests"] = ResultsRequestsScenario.RunAsync,
    ["results-drain"] = ResultsDrainScenario.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Leitbild.Teams.Bench -- <scenario>");
    Console.WriteLine("scenarios: " + string.Join(", ", scenarios.Keys));
    return 2;
}
return await run();
