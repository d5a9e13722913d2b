using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leitbild.Teams.App.Process;

public static class ProcessApi
{
    public static IEndpointRouteBuilder MapProcess(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api/process");
        group.MapGet("", GetCurrentProcess);
        group.MapGet("goals", GetGoals);
        return routes;
    }

    /// <summary>The running process with its phases. One process per installation for now.</summary>
    public static async Task<Results<Ok<ProcessTemplate>, NotFound>> GetCurrentProcess(IProcessStore store, CancellationToken cancellationToken)
    {
        var processes = await store.ListProcessesAsync(cancellationToken);
        return processes.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(processes[0]);
    }

    public static async Task<Results<Ok<GoalCatalogue>, NotFound>> GetGoals(IProcessStore store, CancellationToken cancellationToken)
    {
        var processes = await store.ListProcessesAsync(cancellationToken);
        if (processes.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var goals = await store.GetGoalsAsync(processes[0].Id, cancellationToken);
        return goals is null ? TypedResults.NotFound() : TypedResults.Ok(goals);
    }
}
