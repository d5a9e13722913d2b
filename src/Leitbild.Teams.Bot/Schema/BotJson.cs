using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leitbild.Teams.Bot.Schema;

/// <summary>The one set of JSON options for everything on the wire: camelCase, nulls left out, unknown members kept.</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Card element JSON may put "type" after other members when it comes from elsewhere.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes any object to a JsonElement, for the untyped members of the protocol (value, channelData, content).</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
