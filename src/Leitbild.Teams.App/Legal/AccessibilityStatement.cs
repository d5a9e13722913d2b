using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Privacy;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Legal;

/// <summary>
/// The accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0 § 7 / BITV NRW) at /barrierefreiheit, German
/// unless ?lang=en. The wording is an embedded page like the privacy notice; the city, the contact, the day of the last
/// assessment and the enforcement body come from the settings, HTML-encoded.
/// </summary>
public static class AccessibilityStatement
{
    public const string Route = "barrierefreiheit";

    public static IEndpointRouteBuilder MapAccessibilityStatement(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, Render);
        return routes;
    }

    private static IResult Render(HttpRequest request, IOptions<LeitbildOptions> app, IOptions<PrivacyOptions> privacy)
    {
        var lang = request.Query["lang"].ToString() == "en" ? "en" : "de";
        var culture = System.Globalization.CultureInfo.GetCultureInfo(lang == "en" ? "en" : "de-DE");
        var settings = privacy.Value;
        var page = LegalPages.Page($"accessibility-{lang}")
            .Replace("{{city}}", Encode(settings.Controller ?? app.Value.OrganisationName), StringComparison.Ordinal)
            .Replace("{{contact}}", Encode(settings.AccessibilityContact ?? Texts.Format("privacy.record.notSetNamed", lang, "Leitbild:Privacy:AccessibilityContact")), StringComparison.Ordinal)
            .Replace("{{reviewedOn}}", Encode(settings.AccessibilityReviewedOn?.ToString("d", culture) ?? Texts.Format("privacy.record.notSetNamed", lang, "Leitbild:Privacy:AccessibilityReviewedOn")), StringComparison.Ordinal)
            .Replace("{{enforcement}}", Encode(settings.AccessibilityEnforcementBody ?? Texts.Get("legal.accessibility.enforcementNrw", lang)), StringComparison.Ordinal);
        return LegalPages.Shell(page, lang, Texts.Get("legal.accessibility.title", lang));
    }

    // Markup characters only: umlauts stay readable in the source of the page.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string value) => Encoder.Encode(value);
}
