using System.Security.Cryptography;
using System.Text.Json;
using Leitbild.Teams.Bot.Tests.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.Bot.Tests.Authentication;

/// <summary>A signing key made for the test, with the channels the local JWKS says it is endorsed for.</summary>
public sealed record TestSigningKey(string Kid, RSA Rsa, string[] Endorsements)
{
    public RsaSecurityKey SecurityKey => new(Rsa) { KeyId = Kid };
}

/// <summary>
/// A local stand-in for login.botframework.com on 127.0.0.1:0: the OpenID metadata document (as documented) and a
/// JWKS whose keys carry "endorsements", built from RSA keys generated in the test.
/// </summary>
public sealed class LocalOpenIdEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _keyRequests;

    private LocalOpenIdEndpoint(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";

    public List<TestSigningKey> PublishedKeys { get; } = [];

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<LocalOpenIdEndpoint> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new LocalOpenIdEndpoint(app);
        endpoint.PublishedKeys.AddRange(keys);
        app.MapGet("v1/.well-known/openidconfiguration", (HttpContext c) =>
            Results.Content(DocumentedPayloads.OpenIdMetadataTemplate.Replace("{jwks}", $"{c.Request.Scheme}://{c.Request.Host}/v1/.well-known/keys"), "application/json"));
        app.MapGet("v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref endpoint._keyRequests);
            return Results.Content(endpoint.Jwks(), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.MetadataUrl = address.TrimEnd('/') + "/v1/.well-known/openidconfiguration";
        return endpoint;
    }

    public static TestSigningKey NewKey(string kid, params string[] endorsements) => new(kid, RSA.Create(2048), endorsements);

    private string Jwks()
    {
        var keys = PublishedKeys.Select(k =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(k.Rsa.ExportParameters(false)) { KeyId = k.Kid });
            return new Dictionary<string, object> { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = k.Kid, ["n"] = jwk.N, ["e"] = jwk.E, ["endorsements"] = k.Endorsements };
        });
        return JsonSerializer.Serialize(new { keys });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
