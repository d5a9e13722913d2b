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
public sealed class IcsLinks(AppSecrets secrets)
{
    private const string SecretName = "scheduling.ics-link-key";
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

    private Task<byte[]> SecretAsync(CancellationToken cancellationToken) => secrets.GetOrCreateAsync(SecretName, cancellationToken);
}
