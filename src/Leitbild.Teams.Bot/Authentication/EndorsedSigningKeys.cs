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
/// The endpoint may be down or hang: at most one fetch runs at a time and every caller shares it, it is given up after
/// <see cref="BotAuthenticationOptions.MetadataFetchTimeout"/>, a failure pauses fetching for
/// <see cref="BotAuthenticationOptions.MetadataRetryInterval"/>, and meanwhile the last good keys are used for up to
/// <see cref="BotAuthenticationOptions.LastGoodKeysMaxAge"/>; without them callers get <see cref="SigningKeysUnavailableException"/>.
/// The endorsements member is not part of JWK, which is why the JWKS is read here rather than by a generic retriever.
/// </summary>
public sealed partial class EndorsedSigningKeys(HttpClient http, BotAuthenticationOptions options, TimeProvider time, ILogger<EndorsedSigningKeys> logger)
{
    // The explicit allow-list: whatever the metadata says, no other algorithm is ever accepted.
    private static readonly string[] SupportedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly Lock _gate = new();
    private SigningKeySet? _current;
    private Task<SigningKeySet?>? _fetch;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;

    public async Task<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.FetchedAt < options.KeyRefreshInterval)
        {
            return current;
        }
        return await FetchOrFallBackAsync(force: false, cancellationToken);
    }

    /// <summary>Called when a token names a kid we do not know: the keys may have rolled over.</summary>
    public async Task<SigningKeySet> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        lock (_gate)
        {
            if (time.GetUtcNow() - _lastUnknownKeyRefresh < options.UnknownKeyRefreshInterval)
            {
                return current;
            }
            _lastUnknownKeyRefresh = time.GetUtcNow();
        }
        return await FetchOrFallBackAsync(force: true, cancellationToken);
    }

    private async Task<SigningKeySet> FetchOrFallBackAsync(bool force, CancellationToken cancellationToken)
    {
        Task<SigningKeySet?> fetch;
        lock (_gate)
        {
            if (_fetch is null)
            {
                var now = time.GetUtcNow();
                if (!force && _current is { } fresh && now - fresh.FetchedAt < options.KeyRefreshInterval)
                {
                    return fresh;
                }
                if (now < _nextAttempt)
                {
                    return LastGoodOrThrow();
                }
                _fetch = FetchAsync();
            }
            fetch = _fetch;
        }
        // Callers wait for the shared fetch; one caller giving up does not cancel it for the others.
        return await fetch.WaitAsync(cancellationToken) ?? LastGoodOrThrow();
    }

    private SigningKeySet LastGoodOrThrow()
    {
        var now = time.GetUtcNow();
        if (_current is { } lastGood && now - lastGood.FetchedAt < options.LastGoodKeysMaxAge)
        {
            return lastGood;
        }
        var wait = _nextAttempt - now;
        throw new SigningKeysUnavailableException(wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1));
    }

    /// <summary>The new keys, or null when the endpoint failed (logged; fetching pauses).</summary>
    private async Task<SigningKeySet?> FetchAsync()
    {
        // Return to the caller at once, so _fetch is assigned under the lock before this fetch can clear it.
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(options.MetadataFetchTimeout, time);
            var set = await ReadKeysAsync(timeout.Token);
            _current = set;
            LogFetched(logger, set.Keys.Count);
            return set;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException
            or InvalidDataException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            LogFetchFailed(logger, e.GetType().Name, options.MetadataRetryInterval);
            lock (_gate)
            {
                _nextAttempt = time.GetUtcNow() + options.MetadataRetryInterval;
            }
            return null;
        }
        finally
        {
            lock (_gate)
            {
                _fetch = null;
            }
        }
    }

    private async Task<SigningKeySet> ReadKeysAsync(CancellationToken cancellationToken)
    {
        var metadata = await GetJsonAsync(options.OpenIdMetadataUrl, cancellationToken);
        var jwksUri = metadata.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
        if (string.IsNullOrEmpty(jwksUri))
        {
            throw new InvalidDataException("The OpenID metadata has no jwks_uri.");
        }
        var listed = metadata.TryGetProperty("id_token_signing_alg_values_supported", out var algs) && algs.ValueKind == JsonValueKind.Array
            ? algs.EnumerateArray().Select(a => a.GetString()).OfType<string>().Where(a => SupportedAlgorithms.Contains(a, StringComparer.Ordinal)).ToList()
            : [];
        // An empty list would mean "any algorithm" to the token handler: fall back to the allow-list instead.
        IReadOnlyList<string> algorithms = listed.Count > 0 ? listed : SupportedAlgorithms;
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
        return new SigningKeySet(keys, algorithms, time.GetUtcNow());
    }

    private async Task<JsonElement> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url), cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} Bot Framework signing keys")]
    private static partial void LogFetched(ILogger logger, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the Bot Framework signing keys failed ({Error}); next attempt in {RetryInterval}")]
    private static partial void LogFetchFailed(ILogger logger, string error, TimeSpan retryInterval);
}
