using System.Text.Json;
using System.Text.Json.Serialization;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>How answers are kept as JSON in SQLite (outbox payload, embedded store).</summary>
internal static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Answer answer) => JsonSerializer.Serialize(answer, Options);

    /// <summary>The kind as the documents spell it ("rating", "noAnswer", …), for the store's kind column.</summary>
    public static string KindName(AnswerKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static Answer Deserialize(string json) =>
        JsonSerializer.Deserialize<Answer>(json, Options) ?? throw new InvalidDataException("Stored answer is null.");
}
