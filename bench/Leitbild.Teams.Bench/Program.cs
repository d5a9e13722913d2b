using Leitbild.Teams.Bench;

// One scenario per file; the first argument picks it: dotnet run -c Release --project bench/Leitbild.Teams.Bench -- <scenario>
var scenarios = new Dictionary<string, (string Help, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["bot-messages"] = ("POST /api/messages in local mode, 64 clients: a text command and an adaptiveCard/action invoke", BotMessagesBenchmark.RunAsync),
    ["bot-broadcast"] = ("broadcast to 1,000 people against a connector simulator enforcing Teams' limits, on simulated time", BotBroadcastBenchmark.RunAsync),
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine("usage: Leitbild.Teams.Bench <scenario> [options]");
    foreach (var (name, (help, _)) in scenarios)
    {
        Console.Error.WriteLine($"  {name,-16} {help}");
    }
    return 2;
}
return await scenario.Run(args[1..]);
