using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.App.Storage;

/// <summary>How the app writes values into its database: instants as sortable UTC text, lists and documents as JSON.</summary>
public static class StoredValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Fixed-width UTC ("2026-05-04T06:00:00.0000000Z"), so text order is time order.</summary>
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Only the UTC day, in the same text form: for rows that name a person, so their time cannot be lined up with
    /// the time of an anonymous answer.
    /// </summary>
    public static string Day(DateTimeOffset value) => Instant(new DateTimeOffset(value.UtcDateTime.Date, TimeSpan.Zero));

    /// <summary>Reads <see cref="Instant(DateTimeOffset)"/>'s text, and the shorter ISO 8601 UTC forms written before it.</summary>
    public static DateTimeOffset Instant(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string value) => JsonSerializer.Deserialize<T>(value, Json) ?? throw new InvalidDataException("Stored document is null.");
}
