using Leitbild.Teams.Core.Polls;

namespace Leitbild.Teams.App.Polls;

/// <summary>Closes polls at their deadline (Europe/Berlin as entered, stored as an instant) and updates their cards.</summary>
public sealed class PollDeadlineWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<PollDeadlineWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Closing overdue polls failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<PollService>();
        var closed = await service.CloseOverdueAsync(cancellationToken);
        foreach (var pollId in closed)
        {
            logger.LogInformation("Poll {PollId} closed at its deadline", pollId);
            foreach (var listener in scope.ServiceProvider.GetServices<IPollClosedListener>())
            {
                await listener.OnClosedAsync(pollId, cancellationToken);
            }
        }
    }
}

/// <summary>Told when a poll closes (by hand or at its deadline), e.g. to update the cards in Teams.</summary>
public interface IPollClosedListener
{
    Task OnClosedAsync(string pollId, CancellationToken cancellationToken);
}
