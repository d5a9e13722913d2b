using System.Security.Cryptography;
using Leitbild.Teams.App.Tab.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>
/// Signs tokens shaped like the ones Teams SSO (TeamsJS getAuthToken) gives the tab, with a key made by the test.
/// The app's Entra scheme is pointed at this key through its JwtBearer options; everything else (audience, issuer,
/// lifetime, Microsoft.Identity.Web's scope/role check) runs as configured by the app.
/// </summary>
public sealed class EntraTokens : IDisposable
{
    public const string TenantId = "7d1c8a50-5b6e-4f0a-9d3c-1b2a3c4d5e6f";
    public const string ClientId = "3f2e1d0c-9b8a-4765-a432-10fedcba9876";
    public const string Domain = "leitbild.bergkamen.example";
    public const string AppIdUri = "api://" + Domain + "/" + ClientId;
    public const string V1Issuer = "https://sts.windows.net/" + TenantId + "/";
    public const string V2Issuer = "https://login.microsoftonline.com/" + TenantId + "/v2.0";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);

    public EntraTokens()
    {
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        UnknownKey = new RsaSecurityKey(_otherRsa) { KeyId = "test-key-1" };
    }

    public RsaSecurityKey Key { get; }

    /// <summary>Same key id, different key: a forged signature.</summary>
    public RsaSecurityKey UnknownKey { get; }

    /// <summary>Test hook: Entra's signing keys come from this static configuration instead of the metadata endpoint.</summary>
    public void TrustSigningKey(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(TabAuthentication.EntraScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = V2Issuer };
            configuration.SigningKeys.Add(Key);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public sealed record Claims
    {
        public string Audience { get; init; } = AppIdUri;
        public string Issuer { get; init; } = V1Issuer;
        public string Tenant { get; init; } = TenantId;
        public string ObjectId { get; init; } = Guid.NewGuid().ToString();
        public string Name { get; init; } = "Test Person";
        public string[] Roles { get; init; } = [];
        public string? Scope { get; init; } = "access_as_user";
        public string? AccountType { get; init; }
        public DateTimeOffset IssuedAt { get; init; } = DateTimeOffset.UtcNow.AddMinutes(-5);
        public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);
    }

    public string Create(Claims claims, SecurityKey? signWith = null)
    {
        var payload = new Dictionary<string, object>
        {
            ["tid"] = claims.Tenant,
            ["oid"] = claims.ObjectId,
            ["sub"] = claims.ObjectId,
            ["name"] = claims.Name,
            ["ver"] = claims.Issuer.EndsWith("/v2.0", StringComparison.Ordinal) ? "2.0" : "1.0",
        };
        if (claims.Scope is not null)
        {
            payload["scp"] = claims.Scope;
        }
        if (claims.Roles.Length > 0)
        {
            payload["roles"] = claims.Roles;
        }
        if (claims.AccountType is not null)
        {
            payload["acct"] = int.Parse(claims.AccountType, System.Globalization.CultureInfo.InvariantCulture);
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = claims.Issuer,
            Audience = claims.Audience,
            Claims = payload,
            IssuedAt = claims.IssuedAt.UtcDateTime,
            NotBefore = claims.IssuedAt.UtcDateTime,
            Expires = (claims.IssuedAt + claims.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(signWith ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
    }
}
