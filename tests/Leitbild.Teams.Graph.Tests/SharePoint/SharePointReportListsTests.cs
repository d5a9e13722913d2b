using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.SharePoint;

namespace Leitbild.Teams.Graph.Tests.SharePoint;

/// <summary>
/// The lists as department heads and the planning office read them: names beside the codes, and the summary per goal and
/// office that shows numbers only from the minimum group size on.
/// </summary>
public sealed class SharePointReportListsTests
{
    /// <summary>A hand-written label source: what the app's catalogue, organisation and polls would say.</summary>
    private sealed class FixedLabels : IResultsLabelSource
    {
        public static readonly ResultsLabels Labels = new()
        {
            Goals = new Dictionary<string, string> { ["klima-1"] = "Bergkamen ist bis 2045 klimaneutral.", ["klima-2"] = "Es gibt mehr Grün in der Stadt." },
            FieldsOfAction = new Dictionary<string, string> { ["klima"] = "Klima und Umwelt" },
            Offices = new Dictionary<string, string> { ["sta-61"] = "StA 61 Stadtplanungsamt", ["sta-10"] = "StA 10 Hauptamt" },
            DivisionsOfOffices = new Dictionary<string, string> { ["sta-61"] = "Dezernat IV", ["sta-10"] = "Dezernat I" },
            Polls = new Dictionary<string, string> { ["poll-1"] = "Zieldiskussion Planungsamt" },
            Questions = new Dictionary<string, string> { [ResultsLabels.QuestionKey("poll-1", "q-klima-1")] = "Wie wichtig ist Ihnen dieses Ziel?" },
            Choices = new Dictionary<string, string> { [ResultsLabels.ChoiceKey("poll-1", "q-klima-1", "o1")] = "Mehr Radwege" },
            People = new Dictionary<string, string> { [Samples.Person(1)] = "Erika Mustermann" },
            TooFewAnswers = "noch zu wenige Antworten",
        };

        public Task<ResultsLabels> GetAsync(IReadOnlyCollection<Answer> answers, CancellationToken cancellationToken) => Task.FromResult(Labels);
    }

    [Fact]
    public async Task AnAnswerItemShowsGoalFieldOfficeDivisionPollQuestionAndPersonByNameAndKeepsTheCodes()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();

        await sandbox.Store(new FixedLabels()).UpsertAsync(Samples.Rating(1), CancellationToken.None);

        var item = Assert.Single(sandbox.AnswerItems);
        Assert.Equal("Bergkamen ist bis 2045 klimaneutral.", item.Text("Title"));
        Assert.Equal("Bergkamen ist bis 2045 klimaneutral.", item.Text("GoalText"));
        Assert.Equal("Klima und Umwelt", item.Text("FieldOfActionName"));
        Assert.Equal("StA 61 Stadtplanungsamt", item.Text("OfficeName"));
        Assert.Equal("Dezernat IV", item.Text("DivisionName"));
        Assert.Equal("Zieldiskussion Planungsamt", item.Text("PollTitle"));
        Assert.Equal("Wie wichtig ist Ihnen dieses Ziel?", item.Text("QuestionText"));
        Assert.Equal("Erika Mustermann", item.Text("PersonName"));
        // The codes stay: they are what the store reads back and upserts by.
        Assert.Equal(("poll-1", "klima-1", "sta-61"), (item.Text("PollId"), item.Text("GoalId"), item.Text("Department")));
        Assert.Equal(Samples.Rating(1).Key, item.Text("AnswerKey"));
    }

    [Fact]
    public async Task TheTitleOfAnAnswerIsNeverItsKeyWhichHoldsThePersonsObjectId()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();

        await sandbox.Store().UpsertAsync(Samples.Rating(1), CancellationToken.None);

        var item = Assert.Single(sandbox.AnswerItems);
        Assert.Equal("klima-1", item.Text("Title"));
        Assert.DoesNotContain(Samples.Person(1), item.Text("Title")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoicesAreShownByTheirTextsAndKeptAsCodes()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var answer = Samples.Rating(2) with { Value = AnswerValue.OfChoices(["o1", "o9"]) };

        await sandbox.Store(new FixedLabels()).UpsertAsync(answer, CancellationToken.None);

        var item = Assert.Single(sandbox.AnswerItems);
        Assert.Equal("Mehr Radwege | o9", item.Text("ChoiceTexts"));
        Assert.Equal("o1 | o9", item.Text("Choices"));
        Assert.Null(item.Text("PersonName"));
    }

    [Fact]
    public async Task WritingTheSameAnswerAgainWithNamesChangesNothing()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        await sandbox.Store(new FixedLabels()).UpsertAsync(Samples.Rating(1), CancellationToken.None);

        // A new process (a restart) finds the item by its key and leaves it alone.
        await sandbox.Store(new FixedLabels()).UpsertAsync(Samples.Rating(1), CancellationToken.None);

        Assert.Equal(1, Assert.Single(sandbox.AnswerItems).Version);
    }

    [Fact]
    public async Task AnOfficeGetsASummaryRowOnlyFromFiveRespondents()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store(new FixedLabels());
        await store.UpsertManyAsync([.. Enumerable.Range(1, 4).Select(n => new AnswerWrite(Samples.Rating(n, rating: 4), false))], CancellationToken.None);

        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);
        Assert.Empty(sandbox.Lists.Items(ResultsLists.OfficeSummariesTitle));

        await store.UpsertAsync(Samples.Rating(5, rating: 2), CancellationToken.None);
        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);

        var row = Assert.Single(sandbox.Lists.Items(ResultsLists.OfficeSummariesTitle));
        Assert.Equal("Bergkamen ist bis 2045 klimaneutral.", row.Text("Title"));
        Assert.Equal(("StA 61 Stadtplanungsamt", "Dezernat IV", "Klima und Umwelt"), (row.Text("OfficeName"), row.Text("DivisionName"), row.Text("FieldOfActionName")));
        Assert.Equal(5, (double)row.Fields["RespondentCount"]!);
        Assert.Equal(3.6, (double)row.Fields["MeanRating"]!);
        Assert.Equal("1: 0 · 2: 1 · 3: 0 · 4: 4 · 5: 0", row.Text("Distribution"));
        Assert.Null(row.Text("Status"));
        var summary = Assert.Single(sandbox.Lists.Items(ResultsLists.SummariesTitle));
        Assert.Equal(("Bergkamen ist bis 2045 klimaneutral.", "Klima und Umwelt"), (summary.Text("GoalText"), summary.Text("FieldOfActionName")));
    }

    [Fact]
    public async Task AnOfficeTheRuleNoLongerShowsKeepsItsRowButLosesItsNumbers()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store(new FixedLabels());
        await store.UpsertManyAsync([.. Enumerable.Range(1, 5).Select(n => new AnswerWrite(Samples.Rating(n), false))], CancellationToken.None);
        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);

        // One person from another office: shown offices could now be subtracted from the total to read that person's rating.
        await store.UpsertAsync(Samples.Rating(6, rating: 1, department: "sta-10"), CancellationToken.None);
        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);

        var row = Assert.Single(sandbox.Lists.Items(ResultsLists.OfficeSummariesTitle));
        Assert.Equal("sta-61", row.Text("Department"));
        Assert.Equal("noch zu wenige Antworten", row.Text("Status"));
        Assert.Null(row.Fields["RespondentCount"]);
        Assert.Null(row.Fields["MeanRating"]);
        Assert.Null(row.Fields["Distribution"]);
    }

    [Fact]
    public async Task RefreshingUnchangedSummariesWritesNothing()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();
        var store = sandbox.Store(new FixedLabels());
        await store.UpsertManyAsync([.. Enumerable.Range(1, 5).Select(n => new AnswerWrite(Samples.Rating(n), false))], CancellationToken.None);
        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);
        sandbox.Host.Requests.Clear();

        await store.RefreshSummariesAsync(["klima-1"], CancellationToken.None);

        Assert.Equal(1, Assert.Single(sandbox.Lists.Items(ResultsLists.OfficeSummariesTitle)).Version);
        Assert.Equal(1, Assert.Single(sandbox.Lists.Items(ResultsLists.SummariesTitle)).Version);
    }

    [Fact]
    public async Task TheListAddressesComeFromGraphSoTheTabCanLinkToTheirDefaultViews()
    {
        await using var sandbox = await SharePointSandbox.StartAsync();

        var addresses = await sandbox.Store().GetListAddressesAsync(CancellationToken.None);

        Assert.Equal($"{sandbox.Site.WebUrl}/Lists/{Uri.EscapeDataString(ResultsLists.OfficeSummariesTitle)}", addresses.OfficeSummaries);
        Assert.Equal($"{sandbox.Site.WebUrl}/Lists/{Uri.EscapeDataString(ResultsLists.AnswersTitle)}", addresses.Answers);
        Assert.Equal("Nach Amt", Assert.Single(sandbox.Lists.FindList(ResultsLists.OfficeSummariesTitle)!.Views, v => v.DefaultView).Title);
    }
}
