using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Results;

public sealed class RespondentKeysTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private const string Person = "0f8fad5b-d9cb-469f-a165-70867728950e";

    [Fact]
    public void ANamedPollKeepsTheEntraObjectId() =>
        Assert.Equal(Person, RespondentKeys.ForNamedPoll(Person.ToUpperInvariant()));

    [Fact]
    public void TheSamePersonGetsTheSameAnonymousKeyWithinAPollSoAChangeReplacesTheAnswer() =>
        Assert.Equal(RespondentKeys.ForAnonymousPoll(Secret, "tenant", Person, "poll-1"), RespondentKeys.ForAnonymousPoll(Secret, "TENANT", Person.ToUpperInvariant(), "poll-1"));

    [Fact]
    public void AnonymousKeysCannotBeLinkedAcrossPollsOrWorkedOutWithoutTheSecret()
    {
        var key = RespondentKeys.ForAnonymousPoll(Secret, "tenant", Person, "poll-1");

        Assert.NotEqual(key, RespondentKeys.ForAnonymousPoll(Secret, "tenant", Person, "poll-2"));
        Assert.NotEqual(key, RespondentKeys.ForAnonymousPoll(new byte[32], "tenant", Person, "poll-1"));
        Assert.DoesNotContain(Person, key, StringComparison.OrdinalIgnoreCase);
        Assert.True(AnswerValidator.IsRespondentKey(key));
        Assert.True(RespondentKeys.IsAnonymous(key));
    }

    [Fact]
    public void PartsAreSeparatedSoShiftedBoundariesGiveDifferentKeys() =>
        Assert.NotEqual(RespondentKeys.ForAnonymousPoll(Secret, "ab", "c", "p"), RespondentKeys.ForAnonymousPoll(Secret, "a", "bc", "p"));

    [Fact]
    public void AShortSecretIsRefused() =>
        Assert.Throws<ArgumentException>(() => RespondentKeys.ForAnonymousPoll(new byte[16], "tenant", Person, "poll-1"));

    [Fact]
    public void ANamedPollNeedsAnObjectId() =>
        Assert.Throws<ArgumentException>(() => RespondentKeys.ForNamedPoll("someone@bergkamen.de"));
}
