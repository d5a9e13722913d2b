using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Tests.Cards;

/// <summary>Validates card JSON against the official Adaptive Cards 1.5 schema.</summary>
public static class CardSchema
{
    /// <summary>The official Adaptive Cards 1.5 schema from /work/shared/schemas (copied unmodified from microsoft/AdaptiveCards).</summary>
    public static JsonSchema OfficialSchema() => JsonSchema.FromText(File.ReadAllText(SchemaPath()));

    private static string SchemaPath()
    {
        foreach (var candidate in new[] { "/work/shared/schemas/adaptive-card-1.5.schema.json" }
            .Concat(Ancestors().Select(d => Path.Combine(d, "shared", "schemas", "adaptive-card-1.5.schema.json"))))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("adaptive-card-1.5.schema.json not found (expected in shared/schemas beside the repository).");
    }

    private static IEnumerable<string> Ancestors()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }

    public static void AssertValid(AdaptiveCard card)
    {
        var json = JsonSerializer.SerializeToElement(card, BotJson.Options);
        var result = OfficialSchema().Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize((result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => new { d.InstanceLocation, d.EvaluationPath, d.Errors }).Take(5).ToList()));
    }
}

public class AdaptiveCardModelTests
{
    private static AdaptiveCard EveryModelledPart() => new()
    {
        Lang = "de",
        FallbackText = "Umfrage",
        Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "poll.refresh", Title = "Aktualisieren" }, UserIds = [] },
        Body =
        [
            new TextBlock { Text = "Umfrage", Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
            new FactSet { Facts = [new Fact("Frage", "Wie wichtig ist Klimaschutz?")] },
            new Container { Style = "emphasis", Items = [new TextBlock { Text = "Hinweis", IsSubtle = true }], Separator = true, Spacing = "Medium" },
            new ActionSet
            {
                Actions =
                [
                    ExecuteAction.WithSubmitFallback("poll.vote", "Abstimmen", new Dictionary<string, string> { ["choice"] = "ja" }),
                    SubmitAction.ForVerb("poll.details", "Details"),
                ],
            },
        ],
        Actions = [new SubmitAction { Title = "Weiter", Style = "positive" }],
    };

    [Fact]
    public void EveryPartOfTheCardModelValidatesAgainstTheOfficialSchema() => CardSchema.AssertValid(EveryModelledPart());

    [Fact]
    public void TheSchemaCheckCanFail()
    {
        var json = JsonSerializer.SerializeToNode(EveryModelledPart(), BotJson.Options)!.AsObject();
        // DESIGN.md's string fallback "Action.Submit" is not allowed by the 1.5 schema: the check must notice.
        json["body"]![3]!["actions"]![0]!["fallback"] = "Action.Submit";

        Assert.False(CardSchema.OfficialSchema().Evaluate(JsonSerializer.SerializeToElement(json)).IsValid);
    }

    [Fact]
    public void ElementsAndActionsCarryTheirTypeFirst()
    {
        var json = JsonSerializer.Serialize(EveryModelledPart(), BotJson.Options);
        var root = JsonNode.Parse(json)!;

        Assert.Equal("1.5", root["version"]!.GetValue<string>());
        Assert.StartsWith("{\"type\":\"TextBlock\"", root["body"]![0]!.ToJsonString(), StringComparison.Ordinal);
        var execute = root["body"]![3]!["actions"]![0]!;
        Assert.Equal("Action.Execute", execute["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", execute["fallback"]!["type"]!.GetValue<string>());
        // The fallback carries the same verb, so older clients reach the same route through Action.Submit.
        Assert.Equal("poll.vote", execute["fallback"]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("Action.Execute", root["refresh"]!["action"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void ACardBecomesAnAttachmentAndAnInvokeResponse()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "x" }] };

        Assert.Equal(ContentTypes.AdaptiveCard, card.ToAttachment().ContentType);
        var response = card.ToInvokeResponse();
        Assert.Equal((200, ContentTypes.AdaptiveCard), (response.StatusCode, response.Type));
        Assert.Equal("AdaptiveCard", response.Value!.Value.GetProperty("type").GetString());
    }
}
