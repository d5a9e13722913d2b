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
