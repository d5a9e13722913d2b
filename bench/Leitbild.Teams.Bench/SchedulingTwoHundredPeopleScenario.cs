namespace Leitbild.Teams.Bench;

/// <summary>200 participants over 8 weeks: at most 100 ms of compute (getSchedule needs 10 calls of 20).</summary>
internal static class SchedulingTwoHundredPeopleScenario
{
    public static Task<int> RunAsync(string[] args) => SchedulingBench.RunAsync("scheduling-200", people: 200, rooms: 0, weeks: 8, maxCalls: 10, budgetMs: 100);
}
