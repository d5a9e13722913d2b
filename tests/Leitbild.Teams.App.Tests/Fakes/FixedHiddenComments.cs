using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Tests.Fakes;

/// <summary>Hidden comments as a test sets them, for stores tested without the polls' moderation table.</summary>
public sealed class FixedHiddenComments(params string[] answerKeys) : IHiddenComments
{
    public Task<HiddenComments> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new HiddenComments(answerKeys.Select(CommentIds.For).ToHashSet(StringComparer.Ordinal)));

    public static SummaryRulesSource Standard() => new(MinimumGroupSize.Standard, new FixedHiddenComments());
}
