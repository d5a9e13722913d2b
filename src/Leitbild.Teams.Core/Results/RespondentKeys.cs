using System.Security.Cryptography;
using System.Text;

namespace Leitbild.Teams.Core.Results;

/// <summary>
/// Who answered, as the results list records it. Named polls keep the Entra object id; anonymous polls keep a keyed
/// HMAC-SHA256 of tenant, person and poll. The same person gets the same key within one poll (so a changed answer
/// replaces the old one) but different keys across polls, and without the secret nobody can tell who it was.
/// </summary>
public static class RespondentKeys
{
    /// <summary>Prefix that marks anonymous keys, so they never collide with an object id.</summary>
    public const string AnonymousPrefix = "anon-";

    public const int MinimumSecretBytes = 32;

    public static string ForNamedPoll(string entraObjectId)
    {
        if (!Guid.TryParse(entraObjectId, out var id))
        {
            throw new ArgumentException("An Entra object id is a GUID.", nameof(entraObjectId));
        }
        return id.ToString("D");
    }

    public static string ForAnonymousPoll(ReadOnlySpan<byte> secret, string tenantId, string personId, string pollId)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The anonymous key must have at least {MinimumSecretBytes} bytes.", nameof(secret));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pollId);
        // Length-prefixed parts: "ab"+"c" and "a"+"bc" must not hash alike.
        var message = Encoding.UTF8.GetBytes(string.Join('\n',
            Part(tenantId.ToLowerInvariant()), Part(personId.ToLowerInvariant()), Part(pollId)));
        var mac = HMACSHA256.HashData(secret, message);
        return AnonymousPrefix + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool IsAnonymous(string respondentKey) => respondentKey.StartsWith(AnonymousPrefix, StringComparison.Ordinal);

    private static string Part(string value) => $"{value.Length}:{value}";
}
