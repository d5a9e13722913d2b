using System.Security.Cryptography;
using System.Text;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>
/// Links to one event's .ics for the chat cards in local mode. A card's link opens in a browser that has no tab
/// sign-in, so the link carries an HMAC of the event id instead (key made once and kept in the database): only
/// the person whose card shows the link can open it, and it names nothing but that one event.
/// </summary>
public sealed class IcsLinks(SqliteDatabase database)
{
    private const string SecretName = "scheduling.ics-link-key";
    private byte[]? _secret;

    public const string Route = "api/scheduling/ics/{eventId}";

    public async Task<string> PathAsync(string eventId, CancellationToken cancellationToken) =>
        $"/api/scheduling/ics/{Uri.EscapeDataString(eventId)}?sig={await SignAsync(eventId, cancellationToken)}";

    public async Task<bool> VerifyAsync(string eventId, string? signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(await SignAsync(eventId, cancellationToken));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>GET /api/scheduling/ics/{eventId}?sig=…: local mode only (the local calendar holds the event).</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> DownloadAsync(string eventId, string? sig, IcsLinks links, LocalCalendar calendar,
        HttpRequest http, CancellationToken cancellationToken)
    {
        if (!await links.VerifyAsync(eventId, sig, cancellationToken) || await calendar.GetStoredEventAsync(eventId, cancellationToken) is not { } stored)
        {
            return TypedResults.NotFound();
        }
        http.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"leitbild-{eventId}.ics\"";
        var language = Texts.IsEnglish(http.Headers.AcceptLanguage.ToString()) ? "en" : "de";
        return TypedResults.Content(IcsWriter.Write(stored, language), IcsWriter.ContentType);
    }

    private async Task<string> SignAsync(string eventId, CancellationToken cancellationToken) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(await SecretAsync(cancellationToken), Encoding.UTF8.GetBytes("ics:" + eventId)));

    private async Task<byte[]> SecretAsync(CancellationToken cancellationToken)
    {
        if (_secret is not null)
        {
            return _secret;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        // First caller wins; everyone after reads the same key.
        insert.CommandText = "INSERT INTO app_secrets(name, value) VALUES ($name, $value) ON CONFLICT(name) DO NOTHING";
        insert.Parameters.AddWithValue("$name", SecretName);
        insert.Parameters.AddWithValue("$value", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM app_secrets WHERE name = $name";
        read.Parameters.AddWithValue("$name", SecretName);
        return _secret = Convert.FromBase64String((string)(await read.ExecuteScalarAsync(cancellationToken))!);
    }
}
