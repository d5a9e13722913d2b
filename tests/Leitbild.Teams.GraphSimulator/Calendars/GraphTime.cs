using System.Globalization;
using System.Text.Json.Nodes;

namespace Leitbild.Teams.GraphSimulator.Calendars;

/// <summary>
/// Graph's dateTimeTimeZone: {"dateTime":"2019-03-15T09:00:00","timeZone":"Pacific Standard Time"} — a wall-clock time
/// and the zone it is in. https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone
/// </summary>
internal static class GraphTime
{
    public static DateTimeOffset Parse(JsonNode? node)
    {
        var text = node?["dateTime"]?.GetValue<string>() ?? throw new FormatException("dateTime is missing");
        var zoneName = node["timeZone"]?.GetValue<string>() ?? "UTC";
        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces);
        var zone = Zone(zoneName) ?? throw new FormatException($"unknown time zone '{zoneName}'");
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified))).ToUniversalTime();
    }

    public static JsonObject Format(DateTimeOffset instant, string zoneName)
    {
        var zone = Zone(zoneName) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new JsonObject
        {
            ["dateTime"] = local.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            ["timeZone"] = zoneName,
        };
    }

    /// <summary>The zone named in <c>Prefer: outlook.timezone="..."</c>; UTC when absent (as Graph does).</summary>
    public static string PreferredZone(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var trimmed = part.Trim();
                if (trimmed.StartsWith("outlook.timezone=", StringComparison.OrdinalIgnoreCase))
                {
                    return trimmed["outlook.timezone=".Length..].Trim('"');
                }
            }
        }
        return "UTC";
    }

    public static TimeZoneInfo? Zone(string name) =>
        name.Equals("UTC", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;
}
