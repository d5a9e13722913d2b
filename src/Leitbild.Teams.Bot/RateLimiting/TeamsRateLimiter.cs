namespace Leitbild.Teams.Bot.RateLimiting;

/// <summary>
/// Paces every outbound connector call below Teams' limits instead of running into 429s. A call reserves the
/// earliest moment that fits both its conversation's windows and its tenant's window, then waits for it on the
/// <see cref="TimeProvider"/>. Reservations are made under one lock in arrival order, so a busy conversation
/// does not hold up other conversations of the same tenant.
/// </summary>
public sealed class TeamsRateLimiter(TimeProvider time, TeamsRateLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlidingSchedule> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingSchedule> _tenants = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RateWindow> _perConversation = WithMargin(limits.PerConversation, limits.SafetyMargin);
    private readonly IReadOnlyList<RateWindow> _perTenant = WithMargin(limits.PerTenant, limits.SafetyMargin);
    private long _lastPrune;

    public TeamsRateLimiter(TimeProvider time) : this(time, new TeamsRateLimits())
    {
    }

    /// <summary>Waits until one more call into the conversation (or, for null, one tenant-wide call) is within the limits.</summary>
    public async ValueTask AcquireAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        var delay = Reserve(tenantId ?? string.Empty, conversationId);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Reserves a slot and returns how long to wait for it.</summary>
    public TimeSpan Reserve(string tenantId, string? conversationId)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            PruneOccasionally(now);
            var tenant = GetSchedule(_tenants, tenantId, _perTenant);
            var conversation = conversationId is null ? null : GetSchedule(_conversations, conversationId, _perConversation);
            var t = now;
            while (true)
            {
                var tenantNeeds = tenant.Check(t);
                var conversationNeeds = conversation?.Check(t);
                if (tenantNeeds is null && conversationNeeds is null)
                {
                    break;
                }
                // Each answer is strictly later than t, so this ends once every reservation in the way has left.
                t = Math.Max(tenantNeeds ?? t, conversationNeeds ?? t);
            }
            tenant.Insert(t);
            conversation?.Insert(t);
            return TimeSpan.FromTicks(t - now);
        }
    }

    private static IReadOnlyList<RateWindow> WithMargin(IReadOnlyList<RateWindow> windows, TimeSpan margin) =>
        windows.Select(w => w with { Span = w.Span + margin }).ToList();

    private static long Longest(IReadOnlyList<RateWindow> windows) => windows.Select(w => w.Span.Ticks).DefaultIfEmpty(0).Max();

    private static SlidingSchedule GetSchedule(Dictionary<string, SlidingSchedule> schedules, string key, IReadOnlyList<RateWindow> windows)
    {
        if (!schedules.TryGetValue(key, out var schedule))
        {
            schedule = new SlidingSchedule(windows);
            schedules[key] = schedule;
        }
        return schedule;
    }

    // Forget times that no window can see any more, at most once a second, so memory stays bounded.
    private void PruneOccasionally(long now)
    {
        if (now - _lastPrune < TimeSpan.TicksPerSecond)
        {
            return;
        }
        _lastPrune = now;
        Prune(_conversations, now - Longest(_perConversation));
        Prune(_tenants, now - Longest(_perTenant));
    }

    private static void Prune(Dictionary<string, SlidingSchedule> schedules, long before)
    {
        List<string>? empty = null;
        foreach (var (key, schedule) in schedules)
        {
            schedule.Prune(before);
            if (schedule.IsEmpty)
            {
                (empty ??= []).Add(key);
            }
        }
        foreach (var key in empty ?? [])
        {
            schedules.Remove(key);
        }
    }
}
