using Leitbild.Teams.Core.Problems;

namespace Leitbild.Teams.App.Evaluation;

// The evaluation API's enum fields arrive as names in camel case ("quoteAnonymously"; any case is taken). Numbers are
// refused, so "1" is not silently a kind.
internal static class EnumInput
{
    // The value, or default with a problem naming the allowed values added to the list (the caller throws them all at once).
    public static TEnum Parse<TEnum>(string field, string? text, List<Problem> problems) where TEnum : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(text) && !char.IsDigit(text.Trim()[0]) && Enum.TryParse(text.Trim(), ignoreCase: true, out TEnum value) && Enum.IsDefined(value))
        {
            return value;
        }
        var allowed = Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]);
        problems.Add(Problem.Of(field, "evaluation.api.unknownValue", text ?? "", string.Join(", ", allowed)));
        return default;
    }
}
