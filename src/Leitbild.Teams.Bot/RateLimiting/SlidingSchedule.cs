namespace Leitbild.Teams.Bot.RateLimiting;

/// <summary>
/// The sorted times (ticks) at which operations of one key were allowed, and the question "may one more
/// happen at t?" for a set of windows. Times may lie in the future (reserved, waiting to run), so a new time
/// is checked against every window that would contain it, not just the one ending at t.
/// </summary>
internal sealed class SlidingSchedule(IReadOnlyList<RateWindow> windows)
{
    private readonly List<long> _times = [];

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

    /// <summary>
    /// Null when one more operation at t keeps every half-open window [s, s + span) at or under its limit;
    /// otherwise the earliest later moment at which it could (every window that fails needs one of its
    /// times to leave, and nothing can open up before that).
    /// </summary>
    public long? Check(long t)
    {
        long? required = null;
        var nothingLater = _times.Count == 0 || _times[^1] <= t;
        foreach (var window in windows)
        {
            var span = window.Span.Ticks;
            var first = UpperBound(t - span);
            var upToT = UpperBound(t);
            var trailing = upToT - first;
            long bound;
            if (trailing + 1 > window.Limit)
            {
                // The oldest times must leave until limit - 1 remain in the window ending at t.
                bound = _times[first + trailing - window.Limit] + span;
            }
            else if (!nothingLater && !FitsAround(t, span, window.Limit, first))
            {
                bound = _times[first] + span;
            }
            else
            {
                continue;
            }
            required = required is null ? bound : Math.Max(required.Value, bound);
        }
        return required;
    }

    // With reservations after t: the fullest window containing t starts at t or at an earlier time in (t - span, t].
    private bool FitsAround(long t, long span, int limit, int first)
    {
        if (CountIn(t, t + span) + 1 > limit)
        {
            return false;
        }
        for (var i = first; i < _times.Count && _times[i] <= t; i++)
        {
            if (CountIn(_times[i], _times[i] + span) + 1 > limit)
            {
                return false;
            }
        }
        return true;
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
