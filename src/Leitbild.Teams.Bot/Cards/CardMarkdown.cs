using System.Text;

namespace Leitbild.Teams.Bot.Cards;

/// <summary>
/// TextBlocks render a Markdown subset (Teams and the official renderers: emphasis, lists, links). Text a person
/// wrote for others to read (a comment in a results card) is escaped, so "[Ihr Konto](https://…)" shows as typed
/// instead of as a link that hides where it goes.
/// </summary>
public static class CardMarkdown
{
    // CommonMark's backslash escapes: only the characters that make links and emphasis, so ordinary punctuation
    // (full stops, dashes) stays exactly as written in renderers that show escapes literally.
    private const string Markup = "\\[]()*_`<>";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Markup.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
