using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Core.Results;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// Gives the respondent key for an answer (see <see cref="RespondentKeys"/>). The secret for anonymous polls comes
/// from Leitbild:AnonymousKey; in local mode, without it, one is made once and kept in a file beside the database.
/// </summary>
public sealed class RespondentKeyFactory(IOptions<LeitbildOptions> options, LocalAnonymityKeyFile keyFile)
{
    private byte[]? _secret;

    public async Task<string> ForAsync(bool anonymousPoll, string tenantId, string personId, string pollId, CancellationToken cancellationToken) =>
        anonymousPoll
            ? RespondentKeys.ForAnonymousPoll(await SecretAsync(cancellationToken), tenantId, personId, pollId)
            : RespondentKeys.ForNamedPoll(personId);

    public async Task<CommentIds> CommentIdsAsync(CancellationToken cancellationToken) => new(await SecretAsync(cancellationToken));

    private async Task<byte[]> SecretAsync(CancellationToken cancellationToken)
    {
        if (_secret is not null)
        {
            return _secret;
        }
        if (options.Value.AnonymousKey is { Length: > 0 } configured)
        {
            return _secret = System.Text.Encoding.UTF8.GetBytes(configured);
        }
        return _secret = await keyFile.GetOrCreateAsync(cancellationToken);
    }
}
