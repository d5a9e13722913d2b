using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Bot.Tests.Fakes;

/// <summary>Moves fake time forward in small steps until a task completes, so waits on the TimeProvider finish without real waiting.</summary>
public static class FakeTimeDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step, TimeSpan limit)
    {
        await DriveAsync(time, task, step, limit);
        return await task;
    }

    public static async Task DriveAsync(FakeTimeProvider time, Task task, TimeSpan step, TimeSpan limit)
    {
        var start = time.GetUtcNow();
        while (!task.IsCompleted)
        {
            // Give continuations a chance to run and register their next timer before time moves on.
            await Task.Delay(1);
            if (task.IsCompleted)
            {
                break;
            }
            if (time.GetUtcNow() - start > limit)
            {
                throw new TimeoutException($"The task did not finish within {limit} of fake time.");
            }
            time.Advance(step);
        }
        await task;
    }
}
