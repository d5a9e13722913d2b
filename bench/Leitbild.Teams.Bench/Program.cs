using Leitbild.Teams.Bench;

// One scenario per file; the first argument picks it, the rest goes to the scenario (see bench/README.md).
var scenarios = new Dictionary<string, (string Help, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["bot-messages"] = ("POST /api/messages in local mode, 64 clients: a text command and an adaptiveCard/action invoke", BotMessagesBenchmark.RunAsync),
    ["bot-broadcast"] = ("broadcast to 1,000 people against a connector simulator enforcing Teams' limits, on simulated time", BotBroadcastBenchmark.RunAsync),
    ["results-requests"] = ("Graph requests to deliver 1,000 answers to SharePoint, reads included", _ => ResultsRequestsScenario.RunAsync()),
    ["results-drain"] = ("time to drain 1,000 answers with 80 ms per Graph request", _ => ResultsDrainScenario.RunAsync()),
    ["scheduling-60"] = ("60 people and 3 rooms over 6 weeks: getSchedule calls and slot-finder compute", SchedulingSixtyPeopleScenario.RunAsync),
    ["scheduling-200"] = ("200 people over 8 weeks: slot-finder compute", SchedulingTwoHundredPeopleScenario.RunAsync),
    ["poll-answers"] = ("500 concurrent adaptiveCard/action poll answers against the host in local mode: p50/p99, each answer stored once", PollAnswersBenchmark.RunAsync),
    ["poll-card-size"] = ("JSON size of the poll cards (10 goals, 10 questions, results) against Teams' message size limit", PollCardSizeScenario.RunAsync),
    ["tab-results"] = ("results page API with 10,000 answers in SQLite", TabResultsScenario.RunAsync),
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Leitbild.Teams.Bench -- <scenario> [options]");
    foreach (var (name, (help, _)) in scenarios)
    {
        Console.Error.WriteLine($"  {name,-18} {help}");
    }
    return 2;
}
return await scenario.Run(args[1..]);
