namespace Leitbild.Teams.Core.Scheduling;

/// <summary>One 15-minute cell of one calendar (a person or a room), the unit a booking claims.</summary>
public sealed record SlotKey(string CalendarId, DateTimeOffset CellStart);

/// <summary>
/// The claim rule: a booking holds every 15-minute cell of each of its calendars from its start to its end plus the
/// buffer after it. Two bookings that overlap on one calendar share at least one key, so a store that keeps keys unique
/// (a primary key in SQLite) can never hold both: one wins, the other gets "taken".
/// </summary>
public static class SlotKeys
{
    public static readonly TimeSpan Cell = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<SlotKey> For(IEnumerable<string> calendarIds, DateTimeOffset start, DateTimeOffset end, TimeSpan bufferAfter = default)
    {
        var first = Floor(start.ToUniversalTime());
        var last = end.ToUniversalTime() + bufferAfter;
        var keys = new List<SlotKey>();
        foreach (var calendar in calendarIds.Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            for (var cell = first; cell < last; cell += Cell)
            {
                keys.Add(new SlotKey(calendar, cell));
            }
        }
        return keys;
    }

    private static DateTimeOffset Floor(DateTimeOffset utc) => new(utc.UtcTicks - (utc.UtcTicks % Cell.Ticks), TimeSpan.Zero);
}
