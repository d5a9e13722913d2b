namespace Leitbild.Teams.Bench;

/// <summary>results-requests: Graph requests needed to deliver 1,000 answers and refresh the goal summaries (target ≤ 60).</summary>
internal static class ResultsRequestsScenario
{
    public static async Task<int> RunAsync()
    {
        var figures = await ResultsBenchSetup.RunAsync(TimeSpan.Zero);
        ResultsBenchSetup.Print("results-requests (no latency)", figures);
        Console.WriteLine($"  target ≤ 60 requests: {(figures.HttpRequests <= 60 ? "met" : "MISSED")}");
        return 0;
    }
}
