using System.Text.Json;
using Json.Schema;

namespace Leitbild.Teams.App.Tests.Bot;

/// <summary>The official Adaptive Cards 1.5 schema (shared/schemas, an unmodified copy from microsoft/AdaptiveCards).</summary>
public static class CardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Find())));

    public static void AssertValid(JsonElement card)
    {
        var result = Schema.Value.Evaluate(card, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize((result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => new { d.InstanceLocation, d.Errors }).Take(5).ToList()));
    }

    private static string Find()
    {
        const string shared = "/work/shared/schemas/adaptive-card-1.5.schema.json";
        if (File.Exists(shared))
        {
            return shared;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "schemas", "adaptive-card-1.5.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("adaptive-card-1.5.schema.json not found in shared/schemas.");
    }
}
