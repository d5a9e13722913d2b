using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.Bot.Authentication;

/// <summary>One signing key of the Bot Framework with the channels that endorse it (JWKS member "endorsements").</summary>
public sealed record EndorsedKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);

/// <summary>The keys and algorithms published by the OpenID metadata document.</summary>
public sealed record SigningKeySet(IReadOnlyDictionary<string, EndorsedKey> Keys, IReadOnlyList<string> Algorithms, DateTimeOffset FetchedAt);

/// <summary>
/// Fetches the OpenID metadata and its JWKS, keeps them, and fetches again when they are older than
/// <see cref="BotAuthenticationOptions.KeyRefreshInterval"/> or a token names an unknown key (throttled).
/// The endorsements member is not part of JWK, which is why the JWKS is read here rather than by a generic retriever.
/// </summary>
public sealed class EndorsedSigningKeys(HttpClient http, BotAuthenticationOptions options, TimeProvider time, ILogger<EndorsedSigningKeys> logger)
{
    private static readonly string[] SupportedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SigningKeySet? _current;
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;

    public async Task<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.FetchedAt < options.KeyRefreshInterval)
        {
            return current;
        }
        return await RefreshAsync(current, cancellationToken);
    }

    /// <summary>Called when a token names a kid we do not know: the keys may have rolled over.</summary>
    public async Task<SigningKeySet> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        if (time.GetUtcNow() - _lastUnknownKeyRefresh < options.UnknownKeyRefreshInterval)
        {
            return current;
        }
        _lastUnknownKeyRefresh = time.GetUtcNow();
        return await RefreshAsync(current, cancellationToken, force: true);
    }

    private async Task<SigningKeySet> RefreshAsync(SigningKeySet? seen, CancellationToken cancellationToken, bool force = false)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (!force && _current is { } fresh && !ReferenceEquals(fresh, seen))
            {
                return fresh;
            }
            var metadata = await GetJsonAsync(options.OpenIdMetadataUrl, cancellationToken);
            var jwksUri = metadata.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
            if (string.IsNullOrEmpty(jwksUri))
            {
                throw new InvalidDataException("The OpenID metadata has no jwks_uri.");
            }
            var algorithms = metadata.TryGetProperty("id_token_signing_alg_values_supported", out var algs) && algs.ValueKind == JsonValueKind.Array
                ? algs.EnumerateArray().Select(a => a.GetString()).OfType<string>().Where(a => SupportedAlgorithms.Contains(a, StringComparer.Ordinal)).ToList()
                : [.. SupportedAlgorithms];
            var jwks = await GetJsonAsync(jwksUri, cancellationToken);
            var keys = new Dictionary<string, EndorsedKey>(StringComparer.Ordinal);
            foreach (var keyJson in jwks.GetProperty("keys").EnumerateArray())
            {
                var key = new JsonWebKey(keyJson.GetRawText());
                if (string.IsNullOrEmpty(key.Kid))
                {
                    continue;
                }
                var endorsements = keyJson.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                    ? e.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                keys[key.Kid] = new EndorsedKey(key, endorsements);
            }
            var set = new SigningKeySet(keys, algorithms, time.GetUtcNow());
            _current = set;
            logger.LogInformation("Fetched {KeyCount} Bot Framework signing keys", keys.Count);
            return set;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<JsonElement> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url), cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }
}
