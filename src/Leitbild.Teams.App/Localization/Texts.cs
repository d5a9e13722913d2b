using System.Collections.Frozen;
using System.Text.Json;

namespace Leitbild.Teams.App.Localization;

/// <summary>
/// Every string a person reads in the app, from texts-de.json (default) and texts-en.json (embedded resources).
/// A key missing in English falls back to German; a key missing in German fails the tests (TextsTests).
/// </summary>
public static class Texts
{
    private static readonly FrozenDictionary<string, string> German = LoadResource("texts-de.json");
    private static readonly FrozenDictionary<string, string> English = LoadResource("texts-en.json");

    public static IReadOnlyCollection<string> GermanKeys => German.Keys;
    public static IReadOnlyCollection<string> EnglishKeys => English.Keys;

    /// <summary>English for "en*" locales, German for everything else (German is the default language).</summary>
    public static string Get(string key, string? language = null)
    {
        if (IsEnglish(language) && English.TryGetValue(key, out var en))
        {
            return en;
        }
        return German.TryGetValue(key, out var de) ? de : throw new KeyNotFoundException($"No text '{key}'.");
    }

    public static string Format(string key, string? language, params object[] args) =>
        string.Format(IsEnglish(language) ? System.Globalization.CultureInfo.GetCultureInfo("en") : System.Globalization.CultureInfo.GetCultureInfo("de-DE"), Get(key, language), args);

    public static bool IsEnglish(string? language) => language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static FrozenDictionary<string, string> LoadResource(string name)
    {
        var assembly = typeof(Texts).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Leitbild.Teams.App.Localization.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
