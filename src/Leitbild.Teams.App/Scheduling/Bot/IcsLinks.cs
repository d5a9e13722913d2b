using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>
/// Links to one event's .ics for the chat cards in local mode. A card's link opens in a browser that has no tab
/// sign-in, so the link carries an HMAC instead (key made once and kept in the database): only the person whose card
/// shows the link can open it, and it names nothing but that one event. The HMAC covers the event id and an expiry
/// (<c>exp</c>, Unix seconds: the event's end plus <see cref="LeitbildOptions.IcsLinkValidDays"/>), so a link leaked
/// from an old chat stops working. Links sent before expiries existed (<c>?sig=</c> alone) are honoured until the same
/// moment, taken from the stored event's end.
/// </summary>
public sealed class IcsLinks(AppSecrets secrets, IOptions<LeitbildOptions> options, TimeProvider time)
{
    private const string SecretName = "scheduling.ics-link-key";
    public const string Route = "api/scheduling/ics/{eventId}";

    public enum Verdict
    {
        Valid,
        Invalid,
        Expired,
    }

    /// <summary>The link for an event ending at <paramref name="eventEnd"/>; the signature comes last.</summary>
    public async Task<string> PathAsync(string eventId, DateTimeOffset eventEnd, CancellationToken cancellationToken)
    {
        var expires = ExpiryOf(eventEnd).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"/api/scheduling/ics/{Uri.EscapeDataString(eventId)}?exp={expires}&sig={await SignAsync($"ics:{eventId}:{expires}", cancellationToken)}";
    }

    /// <summary>
    /// Checks the signature first (a changed expiry is a changed link), then the time. <paramref name="storedEnd"/> is
    /// the event's end for links without <c>exp</c>; null when there is no such event.
    /// </summary>
    public async Task<Verdict> CheckAsync(string eventId, string? exp, string? signature, DateTimeOffset? storedEnd, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return Verdict.Invalid;
        }
        DateTimeOffset expires;
        if (exp is null)
        {
            if (!await MatchesAsync("ics:" + eventId, signature, cancellationToken))
            {
                return Verdict.Invalid;
            }
            if (storedEnd is not { } end)
            {
                return Verdict.Valid;
            }
            expires = ExpiryOf(end);
        }
        else
        {
            if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                || !await MatchesAsync($"ics:{eventId}:{exp}", signature, cancellationToken))
            {
                return Verdict.Invalid;
            }
            expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return time.GetUtcNow() < expires ? Verdict.Valid : Verdict.Expired;
    }

    /// <summary>
    /// GET /api/scheduling/ics/{eventId}?exp=…&amp;sig=…: local mode only (the local calendar holds the event).
    /// 403 for a changed or unsigned link, 410 once it has expired, 404 for a signed link whose event is gone.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult, NotFound>> DownloadAsync(string eventId, string? exp, string? sig, IcsLinks links,
        LocalCalendar calendar, HttpRequest http, CancellationToken cancellationToken)
    {
        var language = Texts.IsEnglish(http.Headers.AcceptLanguage.ToString()) ? "en" : "de";
        var stored = await calendar.GetStoredEventAsync(eventId, cancellationToken);
        switch (await links.CheckAsync(eventId, exp, sig, stored?.Event.End, cancellationToken))
        {
            case Verdict.Invalid:
                return Problem(StatusCodes.Status403Forbidden, "problem.ics.invalidTitle", "problem.ics.invalid", language);
            case Verdict.Expired:
                return Problem(StatusCodes.Status410Gone, "problem.ics.expiredTitle", "problem.ics.expired", language);
        }
        if (stored is null)
        {
            return TypedResults.NotFound();
        }
        http.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"leitbild-{eventId}.ics\"";
        return TypedResults.Content(IcsWriter.Write(stored, language), IcsWriter.ContentType);
    }

    private static ProblemHttpResult Problem(int status, string titleKey, string detailKey, string language) =>
        TypedResults.Problem(title: Texts.Get(titleKey, language), detail: Texts.Get(detailKey, language), statusCode: status);

    private DateTimeOffset ExpiryOf(DateTimeOffset eventEnd) => eventEnd.AddDays(options.Value.IcsLinkValidDays);

    private async Task<bool> MatchesAsync(string message, string signature, CancellationToken cancellationToken) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(await SignAsync(message, cancellationToken)), Encoding.ASCII.GetBytes(signature));

    private async Task<string> SignAsync(string message, CancellationToken cancellationToken) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(await SecretAsync(cancellationToken), Encoding.UTF8.GetBytes(message)));

    private Task<byte[]> SecretAsync(CancellationToken cancellationToken) => secrets.GetOrCreateAsync(SecretName, cancellationToken);
}
