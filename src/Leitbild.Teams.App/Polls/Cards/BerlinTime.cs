using System.Globalization;

namespace Leitbild.Teams.App.Polls.Cards;

/// <summary>Times people read are Europe/Berlin local time, whatever the server's zone.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static string Format(DateTimeOffset instant, string language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return language == "en"
            ? local.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))
            : local.ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.GetCultureInfo("de-DE"));
    }

    /// <summary>A date and time entered in Berlin (e.g. on a card) as an instant; DST-aware.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
