namespace Leitbild.Teams.Core.Scheduling;

/// <summary>
/// The city's time zone. Everything is stored and compared as instants (UTC); local Berlin time is used only where
/// people think in wall-clock time: working hours, earliest/latest time of day, the day a slot falls on.
/// </summary>
public static class BerlinTime
{
    /// <summary>IANA id, used by .ics files and on Linux.</summary>
    public const string IanaId = "Europe/Berlin";

    /// <summary>Windows id, used by Outlook and Microsoft Graph (Prefer: outlook.timezone).</summary>
    public const string WindowsId = "W. Europe Standard Time";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(IanaId);

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>The instant of a wall-clock time in a zone. A time in the spring-forward gap does not exist: it moves
    /// to the first valid minute after the gap. A time that occurs twice in autumn is taken at its first occurrence.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo? zone = null)
    {
        zone ??= Zone;
        if (ReferenceEquals(zone, Zone))
        {
            // Time zone lookups are slow next to the slot finder's bit work; Berlin days are cached, and on a day
            // without a clock change the wall clock is midnight plus the time.
            var (midnight, steady) = Days.GetOrAdd(date, static d => (Convert(d, TimeOnly.MinValue, Zone), Convert(d.AddDays(1), TimeOnly.MinValue, Zone) - Convert(d, TimeOnly.MinValue, Zone) == TimeSpan.FromDays(1)));
            if (steady)
            {
                return midnight + time.ToTimeSpan();
            }
        }
        return Convert(date, time, zone);
    }

    /// <summary>Is this a day on which the clocks change (23 or 25 hours long)?</summary>
    public static bool IsChangeDay(DateOnly date) => StartOfDay(date.AddDays(1)) - StartOfDay(date) != TimeSpan.FromDays(1);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, (DateTimeOffset Midnight, bool Steady)> Days = new();

    private static DateTimeOffset Convert(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Start of a local day as an instant (midnight exists on every day in Europe/Berlin).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo? zone = null) => ToInstant(date, TimeOnly.MinValue, zone);

    /// <summary>Finds a zone by IANA or Windows id (Graph reports Windows ids); null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
