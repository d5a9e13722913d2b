using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.Core.Polls;

namespace Leitbild.Teams.App.Polls;

/// <summary>The results feature's key factory, seen through the polls port.</summary>
public sealed class RespondentKeySource(RespondentKeyFactory factory) : IRespondentKeySource
{
    public Task<string> ForAsync(bool anonymousPoll, string tenantId, string personId, string pollId, CancellationToken cancellationToken) =>
        factory.ForAsync(anonymousPoll, tenantId, personId, pollId, cancellationToken);

    public Task<Core.Results.CommentIds> CommentIdsAsync(CancellationToken cancellationToken) => factory.CommentIdsAsync(cancellationToken);
}
