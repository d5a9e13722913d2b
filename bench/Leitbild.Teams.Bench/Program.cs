using Leitbild.Teams.Bench;

// One scenario per file; the first argument picks it (see bench/README.md).
var scenarios = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["scheduling-60"] = SchedulingSixtyPeopleScenario.RunAsync,
    ["scheduling-200"] = SchedulingTwoHundredPeopleScenario.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Leitbild.Teams.Bench -- <scenario>");
    Console.Error.WriteLine("scenarios: " + string.Join(", ", scenarios.Keys));
    return 2;
}
return await run(args[1..]);
