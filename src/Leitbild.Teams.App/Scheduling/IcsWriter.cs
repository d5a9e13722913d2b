using System.Globalization;
using System.Text;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// One event as an iCalendar file (RFC 5545): VTIMEZONE Europe/Berlin with its daylight-saving rules, times in that zone
/// (UTC where the wall clock is ambiguous), escaped TEXT, quoted parameters, lines folded at 75 octets, CRLF endings.
/// </summary>
public static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(StoredEvent stored, string language)
    {
        var e = stored.Event;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Leitbild.Teams//Scheduling//DE",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            // EU rule since 1996: last Sunday of March 01:00 UTC (02:00 CET) and last Sunday of October (03:00 CEST).
            "BEGIN:VTIMEZONE",
            "TZID:" + BerlinTime.IanaId,
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            $"UID:{e.Id}@leitbild.teams",
            "DTSTAMP:" + Utc(stored.UpdatedAt),
            DateLine("DTSTART", e.Start),
            DateLine("DTEND", e.End),
            "SEQUENCE:" + stored.Sequence.ToString(CultureInfo.InvariantCulture),
            "STATUS:" + (e.IsCancelled ? "CANCELLED" : "CONFIRMED"),
            "SUMMARY:" + Text(e.Subject),
        };
        if (e.Location is { Length: > 0 } location)
        {
            lines.Add("LOCATION:" + Text(location));
        }
        var description = new StringBuilder(stored.Body ?? "");
        if (e.IsOnlineMeeting)
        {
            description.Append(description.Length > 0 ? "\n\n" : "").Append(e.JoinUrl is { } url
                ? Texts.Format("scheduling.ics.teamsLink", language, url)
                : Texts.Get("scheduling.ics.onlineLocal", language));
        }
        if (description.Length > 0)
        {
            lines.Add("DESCRIPTION:" + Text(description.ToString()));
        }
        if (e.JoinUrl is { } join)
        {
            lines.Add("URL:" + join);
        }
        lines.Add($"ORGANIZER;CN={Param(e.OrganizerEmail)}:mailto:{e.OrganizerEmail}");
        foreach (var a in e.Attendees)
        {
            var role = a.Kind switch
            {
                AttendeeKind.Optional => "OPT-PARTICIPANT",
                AttendeeKind.Resource => "NON-PARTICIPANT",
                _ => "REQ-PARTICIPANT",
            };
            var cuType = a.Kind == AttendeeKind.Resource ? "ROOM" : "INDIVIDUAL";
            lines.Add($"ATTENDEE;CN={Param(a.DisplayName ?? a.Email)};CUTYPE={cuType};ROLE={role};PARTSTAT={PartStat(a.Response)}:mailto:{a.Email}");
        }
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var ics = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(ics, line);
        }
        return ics.ToString();
    }

    private static string DateLine(string name, DateTimeOffset instant)
    {
        var local = BerlinTime.ToLocal(instant);
        return BerlinTime.Zone.IsAmbiguousTime(local)
            ? $"{name}:{Utc(instant)}"
            : $"{name};TZID={BerlinTime.IanaId}:{local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string PartStat(AttendeeResponse response) => response switch
    {
        AttendeeResponse.Accepted or AttendeeResponse.Organizer => "ACCEPTED",
        AttendeeResponse.TentativelyAccepted => "TENTATIVE",
        AttendeeResponse.Declined => "DECLINED",
        _ => "NEEDS-ACTION",
    };

    /// <summary>TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline are escaped.</summary>
    private static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Parameter values (3.2): quoted, and DQUOTE and control characters cannot appear at all.</summary>
    private static string Param(string value) => "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
