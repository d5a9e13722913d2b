namespace Leitbild.Teams.Bench;

/// <summary>results-drain: time to drain 1,000 answers when every Graph request takes 80 ms (target ≤ 10 s).</summary>
internal static class ResultsDrainScenario
{
    public static async Task<int> RunAsync()
    {
        var figures = await ResultsBenchSetup.RunAsync(TimeSpan.FromMilliseconds(80));
        ResultsBenchSetup.Print("results-drain (80 ms per request)", figures);
        Console.WriteLine($"  target ≤ 10 s: {(figures.DrainTime <= TimeSpan.FromSeconds(10) ? "met" : "MISSED")}");
        return 0;
    }
}
