using System.Security.Cryptography;
using System.Text;

namespace Leitbild.Teams.Core.Results;

/// <summary>
/// The id under which organizers hide a comment. A plain hash of the answer key could be recomputed by anyone who
/// knows candidates' object ids (a named poll's key holds one); keyed with the anonymity secret it is as good as
/// random to everyone without that secret, yet the same in every reader without being stored.
/// </summary>
public sealed class CommentIds
{
    private readonly byte[] _secret;

    public CommentIds(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < RespondentKeys.MinimumSecretBytes)
        {
            throw new ArgumentException($"The anonymous key must have at least {RespondentKeys.MinimumSecretBytes} bytes.", nameof(secret));
        }
        _secret = secret.ToArray();
    }

    public string Of(string answerKey) =>
        // Domain-separated from the respondent keys made with the same secret.
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("comment-id\n" + answerKey)))[..16];
}
