using System.Security.Claims;

namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>The signed-in person as the tab's API sees them, read from the validated token.</summary>
public sealed record TabUser(string Id, string DisplayName, bool IsOrganizer, bool IsReviewer, bool IsGuest)
{
    /// <summary>Reviewers and organizers see the dashboard; organizers count as reviewers.</summary>
    public bool CanReview => IsReviewer || IsOrganizer;

    /// <summary>Role names the client shows and branches on: "organizer", "reviewer", always "staff".</summary>
    public IReadOnlyList<string> Roles =>
        [.. IsOrganizer ? ["organizer"] : Array.Empty<string>(), .. IsReviewer ? ["reviewer"] : Array.Empty<string>(), "staff"];

    public static TabUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(TabRoles.ObjectIdClaim) ?? principal.FindFirstValue("sub")
            ?? throw new InvalidOperationException("A validated tab token has no object id.");
        return new TabUser(
            id,
            principal.FindFirstValue(TabRoles.NameClaim) ?? string.Empty,
            principal.IsInRole(TabRoles.Organizer),
            principal.IsInRole(TabRoles.Reviewer),
            principal.FindFirstValue(TabRoles.AccountTypeClaim) == "1");
    }
}
