using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Leitbild.Teams.Core.Process;

/// <summary>
/// Reads a template (process.json, goals.json, organisation.json) and checks it: the JSON shape first
/// (unknown or missing fields, wrong types), then the references between the files.
/// The caller reads the files; Core does no I/O.
/// </summary>
public static partial class TemplateLoader
{
    public const string ProcessFile = "process.json";
    public const string GoalsFile = "goals.json";
    public const string OrganisationFile = "organisation.json";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <param name="readFile">Returns a file's text by its name, or null when it does not exist.</param>
    public static LeitbildTemplate Load(Func<string, string?> readFile)
    {
        var process = Parse<ProcessTemplate>(ProcessFile, readFile);
        var goals = Parse<GoalCatalogue>(GoalsFile, readFile);
        var organisation = Parse<Organisation>(OrganisationFile, readFile);
        var template = new LeitbildTemplate(process, goals, organisation);
        TemplateRules.Check(template);
        return template;
    }

    private static T Parse<T>(string file, Func<string, string?> readFile)
    {
        var text = readFile(file) ?? throw new TemplateValidationException(file, "$",
            new("Datei fehlt", "file is missing"));
        try
        {
            // Syntax first, so a broken file is reported by line rather than by a misleading field path.
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TemplateValidationException(file, $"line {(e.LineNumber ?? 0) + 1}",
                new($"kein gültiges JSON: {e.Message}", $"not valid JSON: {e.Message}"));
        }
        try
        {
            return JsonSerializer.Deserialize<T>(text, JsonOptions)
                ?? throw new TemplateValidationException(file, "$", new("Datei ist leer (null)", "file is empty (null)"));
        }
        catch (JsonException e)
        {
            throw Describe(file, e);
        }
    }

    private static TemplateValidationException Describe(string file, JsonException e)
    {
        var path = FieldPath(e.Path);
        var inner = e.InnerException?.Message ?? e.Message;
        var missing = MissingRequired().Match(e.Message);
        if (missing.Success)
        {
            var field = missing.Groups[1].Value;
            return new(file, Join(path, field), new($"Pflichtfeld '{field}' fehlt", $"required field '{field}' is missing"));
        }
        var unknown = UnknownMember().Match(e.Message);
        if (unknown.Success)
        {
            // The reported path already ends at the unknown field.
            var field = unknown.Groups[1].Value;
            return new(file, path, new($"unbekanntes Feld '{field}'", $"unknown field '{field}'"));
        }
        if (e.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return new(file, path, new("Wert darf nicht null sein", "value must not be null"));
        }
        return new(file, path, new($"ungültiger Wert: {inner}", $"invalid value: {inner}"));
    }

    private static string FieldPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    private static string Join(string path, string field) => path == "$" ? field : $"{path}.{field}";

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownMember();
}
