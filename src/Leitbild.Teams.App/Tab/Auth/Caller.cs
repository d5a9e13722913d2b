using System.Security.Claims;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>
/// The signed-in person of one API request and the language they read, bound once per request from the validated
/// token and the request's language (a handler takes a <c>Caller</c> parameter instead of reading claims itself).
/// </summary>
public sealed record Caller(Actor Actor, string DisplayName)
{
    public string PersonId => Actor.PersonId;
    public string Language => Actor.Language;
    public bool IsOrganizer => Actor.IsOrganizer;
    public bool CanReview => Actor.CanReview;
    public bool IsGuest => Actor.IsGuest;

    public static Caller From(ClaimsPrincipal principal, string language)
    {
        var user = TabUser.From(principal);
        var roles = new HashSet<Role> { Role.Staff };
        if (user.IsOrganizer)
        {
            roles.Add(Role.Organizer);
        }
        if (user.IsReviewer)
        {
            roles.Add(Role.Reviewer);
        }
        return new Caller(new Actor { PersonId = user.Id, Roles = roles, IsGuest = user.IsGuest, Language = language }, user.DisplayName);
    }

    /// <summary>Minimal API binding: the route's authorization has already validated the token.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Caller?>(From(context.User, RequestLanguage.Of(context.Request)));
}
