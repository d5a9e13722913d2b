namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>Scheduling windows relative to today (the apps under test run on the real clock).</summary>
public static class Days
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Midnight in Berlin, <paramref name="days"/> days from today.</summary>
    public static DateTimeOffset FromToday(int days)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);
        var local = today.AddDays(days).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local));
    }
}
