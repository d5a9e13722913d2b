using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.IdentitySimulator;

/// <summary>
/// Entra ID for one tenant on https://127.0.0.1: the v2.0 OpenID metadata and signing keys the tab's token check
/// reads, and the client-credentials token endpoint MSAL calls for the app's own tokens. MSAL accepts only https
/// authorities, so the stand-in makes a self-signed certificate and trusts it for this user while it runs
/// (.NET on Linux takes the CurrentUser\Root store as trust anchors); disposing removes it again.
/// Shapes: https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc (metadata) and
/// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow (token response).
/// </summary>
public sealed class EntraStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly RSA _rsa = RSA.Create(2048);
    private const string KeyId = "entra-stand-in-1";

    private EntraStandIn(WebApplication app, X509Certificate2 certificate, string tenantId, string clientId, string clientSecret)
    {
        _app = app;
        _certificate = certificate;
        TenantId = tenantId;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string TenantId { get; }
    public string ClientId { get; }
    public string ClientSecret { get; }

    /// <summary>The authority host, as Leitbild:Microsoft365:Instance takes it (with a trailing slash).</summary>
    public string Instance { get; private set; } = "";

    public string V2Issuer => $"{Instance}{TenantId}/v2.0";

    /// <summary>Scopes of the app tokens handed out, in order (e.g. https://api.botframework.com/.default).</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public SecurityKey SigningKey => new RsaSecurityKey(_rsa) { KeyId = KeyId };

    public static async Task<EntraStandIn> StartAsync(string tenantId, string clientId, string clientSecret)
    {
        var certificate = SelfSignedLoopbackCertificate();
        Trust(certificate, add: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new EntraStandIn(app, certificate, tenantId, clientId, clientSecret);
        standIn.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Instance = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
        return standIn;
    }

    /// <summary>A delegated token as Teams SSO gives the tab (v2.0: audience is the client id).</summary>
    public string UserToken(string objectId, string name, params string[] roles)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["name"] = name,
            ["ver"] = "2.0",
            ["scp"] = "access_as_user",
            ["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
        };
        if (roles.Length > 0)
        {
            claims["roles"] = roles;
        }
        return Sign(ClientId, claims, TimeSpan.FromHours(1));
    }

    private void Map(WebApplication app)
    {
        app.MapGet("{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => tenant != TenantId
            ? Results.NotFound()
            : Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = V2Issuer,
                ["authorization_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/token",
                ["jwks_uri"] = $"{Instance}{TenantId}/discovery/v2.0/keys",
                ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
                ["subject_types_supported"] = new[] { "pairwise" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
                ["tenant_region_scope"] = "EU",
            }));
        app.MapGet("{tenant}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = KeyId, n = jwk.N, e = jwk.E } } });
        });
        app.MapPost("{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (tenant != TenantId || form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#error-response
                return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
            }
            var scope = form["scope"].ToString();
            TokenRequests.Enqueue(scope);
            var audience = scope.Replace("/.default", "", StringComparison.Ordinal);
            var token = Sign(audience, new Dictionary<string, object> { ["tid"] = TenantId, ["appid"] = ClientId, ["azp"] = ClientId, ["ver"] = "1.0" }, TimeSpan.FromHours(1));
            return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token });
        });
    }

    private string Sign(string audience, Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = V2Issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.Add(lifetime),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        // A subject of its own per run: chain building looks trust anchors up by subject, and a left-over anchor of an
        // earlier, killed run with the same subject would be taken instead and fail (UntrustedRoot).
        var request = new CertificateRequest($"CN={SubjectPrefix}{Guid.NewGuid():N}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
        // Kestrel needs the private key in a form it can load on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private const string SubjectPrefix = "Leitbild test Entra stand-in ";

    private static void Trust(X509Certificate2 certificate, bool add)
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        if (add)
        {
            // Anchors that runs which never reached DisposeAsync left behind, once they have expired.
            foreach (var stale in store.Certificates.Where(c => c.Subject.Contains("Leitbild test Entra stand-in", StringComparison.Ordinal) && c.NotAfter < DateTime.Now).ToList())
            {
                store.Remove(stale);
            }
            store.Add(publicOnly);
        }
        else
        {
            store.Remove(publicOnly);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Trust(_certificate, add: false);
        _certificate.Dispose();
        _rsa.Dispose();
    }
}
