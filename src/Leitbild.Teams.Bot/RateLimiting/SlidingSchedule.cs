namespace Leitbild.Teams.Bot.RateLimiting;

/// <summary>
/// The sorted times (ticks) at which operations of one key were allowed, and the question "may one more
/// happen at t?" for a set of windows. Times may lie in the future (reserved, waiting to run), so a new time
/// is checked against every window that would contain it, not just the one ending at t.
/// </summary>
internal sealed class SlidingSchedule(IReadOnlyList<RateWindow> windows)
{
    private readonly List<long> _times = [];

    public IReadOnlyList<RateWindow> Windows => windows;

    public bool IsEmpty => _times.Count == 0;

    public void Prune(long before)
    {
        var index = LowerBound(before);
        if (index > 0)
        {
            _times.RemoveRange(0, index);
        }
    }

    public void Insert(long t) => _times.Insert(UpperBound(t), t);

    /// <summary>True when adding t keeps every half-open window [s, s + span) at or under its limit.</summary>
    public bool Fits(long t)
    {
        foreach (var window in windows)
        {
            var span = window.Span.Ticks;
            // Windows containing t start in (t - span, t]; the fullest starts at an existing time or at t itself.
            if (CountIn(t, t + span) + 1 > window.Limit)
            {
                return false;
            }
            for (var i = UpperBound(t - span); i < _times.Count && _times[i] <= t; i++)
            {
                var start = _times[i];
                if (CountIn(start, start + span) + 1 > window.Limit)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The earliest moment after t at which some time leaves some window: the only moments a full schedule can open up.</summary>
    public long? NextRelease(long t)
    {
        long? next = null;
        foreach (var window in windows)
        {
            var index = UpperBound(t - window.Span.Ticks);
            if (index < _times.Count)
            {
                var release = _times[index] + window.Span.Ticks;
                if (next is null || release < next)
                {
                    next = release;
                }
            }
        }
        return next;
    }

    private int CountIn(long from, long toExclusive) => LowerBound(toExclusive) - LowerBound(from);

    // First index with time >= value.
    private int LowerBound(long value)
    {
        int lo = 0, hi = _times.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_times[mid] < value) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }

    // First index with time > value.
    private int UpperBound(long value)
    {
        int lo = 0, hi = _times.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_times[mid] <= value) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }
}
