using System.Security.Claims;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>
/// What Microsoft.Identity.Web does not check for this app, run after its own token checks: the token must carry the
/// delegated scope <c>access_as_user</c> (a token for this API issued for another purpose is refused), and guest
/// detection fails closed: without Entra's optional <c>acct</c> claim the synced directory decides, and someone it
/// does not know as a member counts as a guest (guests never see raw identities).
/// </summary>
public static class EntraTokenChecks
{
    public const string RequiredScope = "access_as_user";

    public static void AddTo(JwtBearerOptions jwt)
    {
        jwt.Events ??= new JwtBearerEvents();
        var previous = jwt.Events.OnTokenValidated;
        jwt.Events.OnTokenValidated = async context =>
        {
            await previous(context);
            if (context.Result is { Failure: not null } || context.Principal?.Identity is not ClaimsIdentity identity)
            {
                return;
            }
            var scopes = identity.FindFirst("scp")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (!scopes.Contains(RequiredScope, StringComparer.Ordinal))
            {
                // The reason goes to the authentication log only; the caller gets a plain 401.
                context.Fail(new SecurityTokenValidationException($"The token does not carry the {RequiredScope} scope."));
                return;
            }
            if (identity.FindFirst(TabRoles.AccountTypeClaim) is null)
            {
                var id = identity.FindFirst(TabRoles.ObjectIdClaim)?.Value;
                var person = id is null ? null : await context.HttpContext.RequestServices.GetRequiredService<IDirectory>()
                    .FindPersonAsync(id, context.HttpContext.RequestAborted);
                identity.AddClaim(new Claim(TabRoles.AccountTypeClaim, person is { IsGuest: false } ? "0" : "1"));
            }
        };
    }
}
