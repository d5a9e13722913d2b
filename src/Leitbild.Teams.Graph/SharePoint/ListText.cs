namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>Text for a single-line column: SharePoint refuses more than 255 characters, and views can only group by such columns.</summary>
internal static class ListText
{
    public const int MaxLength = 255;

    public static string? Fit(string? text) => text is null || text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
