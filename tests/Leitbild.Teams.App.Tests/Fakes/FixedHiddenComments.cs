using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Tests.Fakes;

/// <summary>Hidden comments as a test sets them, for stores tested without the polls' moderation table.</summary>
public sealed class FixedHiddenComments(params string[] answerKeys) : IHiddenComments
{
    public Task<HiddenComments> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(HiddenComments.ForAnswers(Ids, answerKeys));

    /// <summary>The scheme the tests' own tallies use (an all-zero test secret), so ids agree.</summary>
    public static CommentIds Ids { get; } = new(new byte[32]);

    public static SummaryRulesSource Standard() => new(MinimumGroupSize.Standard, new FixedHiddenComments());
}
