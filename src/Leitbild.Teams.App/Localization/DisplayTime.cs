using System.Globalization;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Localization;

/// <summary>An instant as people read it: Europe/Berlin wall-clock time in their language.</summary>
public static class DisplayTime
{
    public static string Format(DateTimeOffset instant, string language)
    {
        var local = BerlinTime.ToLocal(instant);
        return language == "en"
            ? local.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"))
            : local.ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.GetCultureInfo("de-DE"));
    }
}
