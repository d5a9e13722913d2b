using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.SharePoint;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

/// <summary>Erasure (one person) and retention (every named answer) on the answers list; anonymous answers stay.</summary>
public sealed class SharePointNamedAnswersDeletionTests
{
    private static readonly string PersonA = Samples.Person(1);
    private static readonly string PersonB = Samples.Person(2);

    private static Answer Anonymous(int n, string goal = "klima-1") => Samples.Rating(n, rating: 1, goal: goal, poll: "poll-anon") with
    {
        RespondentKey = RespondentKeys.AnonymousPrefix + new string((char)('a' + n), 43),
        DepartmentId = null,
    };

    /// <summary>A answers two goals, B and four more people one, two anonymous answers; summaries written.</summary>
    private static async Task<SharePointResultsStore> FillAsync(SharePointSandbox sandbox)
    {
        var store = sandbox.Store();
        var answers = Enumerable.Range(1, 6).Select(n => Samples.Rating(n, rating: n == 1 ? 1 : 5))
            .Append(Samples.Rating(1, goal: "klima-2"))
            .Append(Anonymous(1))
            .Append(Anonymous(2, goal: "klima-2"))
            .ToList();
        var written = await store.UpsertManyAsync(answers.Select(a => new AnswerWrite(a, MayExist: false)).ToList(), CancellationToken.None);
        Assert.All(written, w => Assert.Equal(AnswerWriteStatus.Stored, w.Status));
        await store.RefreshSummariesAsync(["klima-1", "klima-2"], CancellationToken.None);
        return store;
    }

    private static double Respondents(SharePointSandbox sandbox, string goal) =>
        (double)sandbox.Lists.Items(ResultsLists.SummariesTitle).Single(i => i.Text("GoalId") == goal).Fields["RespondentCount"]!;

    [Fact]
    public async Task ErasingAPersonDeletesTheirNamedAnswersOnlyAndTheSummariesFollow()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = await FillAsync(sandbox);
        Assert.Equal(7, Respondents(sandbox, "klima-1"));
        Assert.Equal(2, Respondents(sandbox, "klima-2"));

        // Object ids arrive in any case; the list keeps them in lower case.
        var deleted = await store.DeleteNamedAnswersAsync(PersonA.ToUpperInvariant(), CancellationToken.None);

        Assert.Equal(2, deleted);
        var left = sandbox.AnswerItems.Select(i => i.Text("RespondentKey")).ToList();
        Assert.DoesNotContain(PersonA, left);
        Assert.Contains(PersonB, left);
        Assert.Equal(2, left.Count(k => k!.StartsWith(RespondentKeys.AnonymousPrefix, StringComparison.Ordinal)));
        Assert.Equal(7, left.Count);
        Assert.Equal(6, Respondents(sandbox, "klima-1"));
        Assert.Equal(1, Respondents(sandbox, "klima-2"));
    }

    [Fact]
    public async Task ASecondErasureOfThePersonDeletesNothing()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = await FillAsync(sandbox);
        await store.DeleteNamedAnswersAsync(PersonA, CancellationToken.None);

        var again = await sandbox.Store().DeleteNamedAnswersAsync(PersonA, CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(7, sandbox.AnswerItems.Count);
    }

    [Fact]
    public async Task AnAnswerGivenAgainAfterErasureIsStoredAfresh()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = await FillAsync(sandbox);
        await store.DeleteNamedAnswersAsync(PersonA, CancellationToken.None);

        var result = await store.UpsertAsync(Samples.Rating(1, rating: 3), CancellationToken.None);

        Assert.Equal(AnswerWriteStatus.Stored, result.Status);
        Assert.Single(sandbox.AnswerItems, i => i.Text("RespondentKey") == PersonA);
    }

    [Fact]
    public async Task RetentionDeletesEveryNamedAnswerAndKeepsTheAnonymousOnes()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = await FillAsync(sandbox);

        var deleted = await store.DeleteNamedAnswersAsync(null, CancellationToken.None);
        var again = await store.DeleteNamedAnswersAsync(null, CancellationToken.None);

        Assert.Equal(7, deleted);
        Assert.Equal(0, again);
        Assert.All(sandbox.AnswerItems, i => Assert.StartsWith(RespondentKeys.AnonymousPrefix, i.Text("RespondentKey"), StringComparison.Ordinal));
        Assert.Equal(2, sandbox.AnswerItems.Count);
        Assert.Equal(1, Respondents(sandbox, "klima-1"));
        Assert.Equal(1, Respondents(sandbox, "klima-2"));
    }

    [Fact]
    public async Task PastTheListViewThresholdAPersonsAnswersAreStillFoundAndRetentionStillRuns()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        await FillAsync(sandbox);
        sandbox.Lists.ListViewThreshold = 3;
        // Pages of two: the unfiltered retention read must follow @odata.nextLink to find every named answer.
        var store = sandbox.Store(readPageSize: 2);

        var erased = await store.DeleteNamedAnswersAsync(PersonB, CancellationToken.None);
        var retained = await store.DeleteNamedAnswersAsync(null, CancellationToken.None);

        Assert.Equal(1, erased);
        Assert.Equal(6, retained);
        Assert.Equal(2, sandbox.AnswerItems.Count);
    }

    [Fact]
    public async Task AnAnonymousKeyIsRefusedAndDeletesNothing()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = await FillAsync(sandbox);

        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteNamedAnswersAsync(Anonymous(1).RespondentKey, CancellationToken.None));

        Assert.Equal(9, sandbox.AnswerItems.Count);
    }
}
