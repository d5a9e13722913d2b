using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.ConnectorSimulator;

/// <summary>
/// A TimeProvider over a FakeTimeProvider that knows when its next timer is due, so a driver can jump
/// simulated time straight there instead of ticking.
/// </summary>
public sealed class SteppingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _timers = [];

    public FakeTimeProvider Fake => fake;

    /// <summary>Real time of the last timer created, fired, changed or disposed: work is still settling after it.</summary>
    public DateTime LastChange { get; private set; } = DateTime.UtcNow;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = fake.CreateTimer(s => { tracked.Fired(); callback(s); }, state, dueTime, period);
        tracked.Schedule(dueTime, period);
        LastChange = DateTime.UtcNow;
        return tracked;
    }

    /// <summary>The earliest due time of a live timer, or null when nothing waits on time.</summary>
    public DateTimeOffset? NextDue()
    {
        lock (_gate)
        {
            return _timers.Count == 0 ? null : _timers.Min(t => t.Due);
        }
    }

    private sealed class TrackedTimer(SteppingTimeProvider owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;
        public DateTimeOffset Due { get; private set; }
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            lock (owner._gate)
            {
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    owner._timers.Remove(this);
                    return;
                }
                Due = owner.GetUtcNow() + dueTime;
                owner._timers.Add(this);
            }
        }

        public void Fired()
        {
            owner.LastChange = DateTime.UtcNow;
            lock (owner._gate)
            {
                if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
                {
                    owner._timers.Remove(this);
                }
                else
                {
                    Due = owner.GetUtcNow() + _period;
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.LastChange = DateTime.UtcNow;
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
