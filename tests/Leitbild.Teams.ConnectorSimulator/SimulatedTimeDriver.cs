namespace Leitbild.Teams.ConnectorSimulator;

/// <summary>
/// Runs a workload on simulated time: only when no request is in flight (client or simulator side) and nothing
/// has moved for a moment of real time, jump to the next due timer. Requests therefore reach the simulator at the
/// simulated moment their sender waited for, and the simulated duration is what the limits allow, not what the
/// machine managed.
/// </summary>
public static class SimulatedTimeDriver
{
    public static async Task<T> RunAsync<T>(SteppingTimeProvider time, ConnectorSimulatorHost simulator, ClientRequestTracker client, Task<T> work, TimeSpan quiet, TimeSpan limit)
    {
        var start = time.GetUtcNow();
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(quiet / 4));
            var lastMovement = new[] { simulator.LastArrival, client.LastActivity, time.LastChange }.Max();
            if (work.IsCompleted || simulator.InFlight > 0 || client.InFlight > 0 || DateTime.UtcNow - lastMovement < quiet)
            {
                continue;
            }
            if (time.NextDue() is { } due)
            {
                if (due - start > limit)
                {
                    throw new TimeoutException($"The workload needs more than {limit} of simulated time.");
                }
                var step = due - time.GetUtcNow();
                time.Fake.Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
            }
        }
        return await work;
    }
}
