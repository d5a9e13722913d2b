using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.IdentitySimulator;

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
    private int _metadataRequests;

    private LocalOpenIdEndpoint(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";

    public List<TestSigningKey> PublishedKeys { get; } = [];

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>When set, the metadata document lists these algorithms instead of the documented RS256.</summary>
    public string[]? Algorithms { get; set; }

    /// <summary>An outage: both documents answer 503.</summary>
    public bool Down { get; set; }

    /// <summary>When set, the metadata request hangs until this task completes (a slow or stuck endpoint).</summary>
    public TaskCompletionSource? Hang { get; set; }

    /// <summary>Completes when a metadata request has arrived (it may be hanging).</summary>
    public TaskCompletionSource MetadataRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<LocalOpenIdEndpoint> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new LocalOpenIdEndpoint(app);
        endpoint.PublishedKeys.AddRange(keys);
        app.MapGet("v1/.well-known/openidconfiguration", async (HttpContext c) =>
        {
            Interlocked.Increment(ref endpoint._metadataRequests);
            endpoint.MetadataRequested.TrySetResult();
            if (endpoint.Hang is { } hang)
            {
                await hang.Task;
            }
            return endpoint.Down ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Content(endpoint.Metadata(c), "application/json");
        });
        app.MapGet("v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref endpoint._keyRequests);
            return endpoint.Down ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Content(endpoint.Jwks(), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.MetadataUrl = address.TrimEnd('/') + "/v1/.well-known/openidconfiguration";
        return endpoint;
    }

    public static TestSigningKey NewKey(string kid, params string[] endorsements) => new(kid, RSA.Create(2048), endorsements);

    /// <summary>A token as the Bot Connector sends with each activity: issuer api.botframework.com, audience the bot's app id.</summary>
    public static string BotToken(TestSigningKey key, string appId, string serviceUrl)
    {
        var now = DateTime.UtcNow;
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkMetadata.Issuer,
            Audience = appId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Metadata(HttpContext c)
    {
        var metadata = BotFrameworkMetadata.Template.Replace("{jwks}", $"{c.Request.Scheme}://{c.Request.Host}/v1/.well-known/keys", StringComparison.Ordinal);
        return Algorithms is null ? metadata : metadata.Replace("\"RS256\"", string.Join(", ", Algorithms.Select(a => $"\"{a}\"")), StringComparison.Ordinal);
    }

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
        Hang?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The Bot Framework's OpenID metadata document as https://login.botframework.com/v1/.well-known/openidconfiguration
/// serves it (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication,
/// "Connector to bot"), with the key set's address left to fill in.
/// </summary>
public static class BotFrameworkMetadata
{
    public const string Issuer = "https://api.botframework.com";

    public const string Template = """
        {
            "issuer": "https://api.botframework.com",
            "authorization_endpoint": "https://invalid.botframework.com",
            "jwks_uri": "{jwks}",
            "id_token_signing_alg_values_supported": [
              "RS256"
            ],
            "token_endpoint_auth_methods_supported": [
              "private_key_jwt"
            ]
        }
        """;
}
