using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Graph.Tests.Fakes;

/// <summary>Hidden comments as a test sets them (the real ones live in the polls' SQLite table, which this project has not).</summary>
public sealed class FixedHiddenComments(params string[] answerKeys) : IHiddenComments
{
    public Task<HiddenComments> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new HiddenComments(answerKeys.Select(CommentIds.For).ToHashSet(StringComparer.Ordinal)));
}
