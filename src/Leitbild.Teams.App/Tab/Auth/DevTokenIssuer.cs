using System.Security.Claims;
using System.Security.Cryptography;
using Leitbild.Teams.Core.Process;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>
/// Local mode only: signs a bearer token for a seeded person picked on the development sign-in page, shaped like the
/// Entra token the tab gets in Teams (oid, name, roles, acct), so the API code is the same in both modes.
/// The key is made at start and never stored: a restart signs everyone out, which is fine for development.
/// </summary>
public sealed class DevTokenIssuer(TimeProvider time)
{
    public const string Issuer = "leitbild-local-dev-signin";
    public const string Audience = "leitbild-local-tab";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public SymmetricSecurityKey SigningKey { get; } = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "local-dev" };

    public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

    public IssuedToken Issue(Person person)
    {
        var now = time.GetUtcNow();
        var claims = new List<Claim>
        {
            new(TabRoles.ObjectIdClaim, person.Id),
            new("sub", person.Id),
            new(TabRoles.NameClaim, person.DisplayName),
            new(TabRoles.AccountTypeClaim, person.IsGuest ? "1" : "0"),
        };
        if (person.Has(Role.Organizer))
        {
            claims.Add(new(TabRoles.RolesClaim, TabRoles.Organizer));
        }
        if (person.Has(Role.Reviewer))
        {
            claims.Add(new(TabRoles.RolesClaim, TabRoles.Reviewer));
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(new JsonWebTokenHandler().CreateToken(descriptor), now + Lifetime);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = TabRoles.NameClaim,
        RoleClaimType = TabRoles.RolesClaim,
        ClockSkew = TimeSpan.FromMinutes(1),
        // Lifetime is checked on the clock that issued the token (tests run the app on a fixed clock).
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew) && expires is not null && expires.Value > now - parameters.ClockSkew;
        },
    };
}
