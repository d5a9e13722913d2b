using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Directory;

/// <summary>
/// The app roles of the Entra app registration (their <c>value</c>s). The tab reads them from the token's
/// <c>roles</c> claim, the bot and the background work from the directory sync: one source for both.
/// </summary>
public static class EntraAppRoles
{
    public const string Organizer = "Leitbild.Organizer";
    public const string Reviewer = "Leitbild.Reviewer";

    public static Role? FromValue(string? value) => value switch
    {
        Organizer => Role.Organizer,
        Reviewer => Role.Reviewer,
        _ => null,
    };
}
