using System.Collections.Concurrent;

namespace Leitbild.Teams.Bot.Hosting;

/// <summary>
/// The responses of the last minutes, in this process's memory only, so a retry gets exactly the first response
/// (the card it would have shown) without that response ever being written down. Forgotten after the retry window.
/// </summary>
internal sealed class RecentTurnResults(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (int Status, string? Body, DateTimeOffset At)> _results = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public bool TryGet(string digest, out int status, out string? body)
    {
        if (_results.TryGetValue(digest, out var entry) && time.GetUtcNow() - entry.At < window)
        {
            (status, body) = (entry.Status, entry.Body);
            return true;
        }
        (status, body) = (0, null);
        return false;
    }

    public void Add(string digest, int status, string? body)
    {
        var now = time.GetUtcNow();
        _results.TryAdd(digest, (status, body, now));
        if (now < _nextSweep)
        {
            return;
        }
        _nextSweep = now + TimeSpan.FromSeconds(30);
        foreach (var (key, entry) in _results)
        {
            if (now - entry.At >= window)
            {
                _results.TryRemove(key, out _);
            }
        }
    }
}
