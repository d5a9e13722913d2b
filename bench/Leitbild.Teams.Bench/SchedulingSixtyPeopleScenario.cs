namespace Leitbild.Teams.Bench;

/// <summary>60 participants and 3 rooms over 6 weeks at 15 minutes: at most 4 getSchedule calls and 20 ms of compute.</summary>
internal static class SchedulingSixtyPeopleScenario
{
    public static Task<int> RunAsync(string[] args) => SchedulingBench.RunAsync("scheduling-60", people: 60, rooms: 3, weeks: 6, maxCalls: 4, budgetMs: 20);
}
