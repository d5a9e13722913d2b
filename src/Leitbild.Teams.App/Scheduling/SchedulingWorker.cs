using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>Once a minute: finishes bookings a crash or an outage left half done, and closes slot votes whose deadline
/// has passed. Both are idempotent, so a restart in the middle changes nothing twice.</summary>
public sealed class SchedulingWorker(InterviewCampaignService interviews, WorkshopService workshops, TimeProvider time, ILogger<SchedulingWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var completed = await interviews.CompletePendingBookingsAsync(cancellationToken);
            var settled = await workshops.SettleDueVotesAsync(cancellationToken);
            if (completed + settled > 0)
            {
                logger.LogInformation("Scheduling worker finished {PendingBookings} pending bookings and booked {SettledVotes} voted workshops", completed, settled);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The calendar may be down; the next tick tries again and nothing is lost meanwhile.
            logger.LogWarning(e, "Scheduling worker round failed; retrying in {Interval}", Interval);
        }
    }
}
