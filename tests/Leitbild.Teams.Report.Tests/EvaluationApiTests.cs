using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Report.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Report.Tests;

public sealed class EvaluationApiTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    private string Notes => $"/api/tab/evaluation/notes/interviews/{app.InterviewId}";

    [Fact]
    public async Task TheInterviewerRecordsAStatementThatBecomesAnAnonymousInterviewAnswerAndIsCounted()
    {
        var created = await app.SendAsync(HttpMethod.Post, Notes + "/statements", EvaluationApp.Organizer,
            new { text = "Hitzeschutz braucht mehr Personal.", fieldOfActionId = "klima", goalId = "klima-2", sentiment = "problem", consent = "quoteAnonymously" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The outbox worker delivers it to the local store within moments.
        Answer? stored = null;
        for (var i = 0; i < 50 && stored is null; i++)
        {
            var page = await app.Services.GetRequiredService<IResultsStore>().ReadAnswersAsync(new AnswerQuery { GoalId = "klima-2" }, CancellationToken.None);
            stored = page.Answers.FirstOrDefault(a => a.Value.Text == "Hitzeschutz braucht mehr Personal.");
            await Task.Delay(100);
        }
        Assert.NotNull(stored);
        Assert.Equal(AnswerChannel.Interview, stored.Channel);
        Assert.Null(stored.DepartmentId);
        Assert.StartsWith(RespondentKeys.AnonymousPrefix, stored.RespondentKey);
        Assert.Equal("interviews", stored.PhaseId);

        var evaluation = await (await app.SendAsync(HttpMethod.Get, "/api/tab/evaluation", EvaluationApp.Reviewer)).Content.ReadFromJsonAsync<JsonElement>();
        var goal = evaluation.GetProperty("fields").EnumerateArray().SelectMany(f => f.GetProperty("goals").EnumerateArray()).Single(g => g.GetProperty("goalId").GetString() == "klima-2");
        Assert.Equal(1, goal.GetProperty("statements").GetProperty("problems").GetInt32());
        var quote = goal.GetProperty("statements").GetProperty("quotes").EnumerateArray().Single();
        Assert.Equal("Hitzeschutz braucht mehr Personal.", quote.GetProperty("text").GetString());
        Assert.False(quote.TryGetProperty("namedAs", out _));
        Assert.DoesNotContain("Bernd", evaluation.GetRawText());
    }

    [Fact]
    public async Task ABadStatementNamesEveryWrongFieldInGermanAndStoresNothing()
    {
        var before = await (await app.SendAsync(HttpMethod.Get, Notes, EvaluationApp.Organizer)).Content.ReadFromJsonAsync<JsonElement>();

        var response = await app.SendAsync(HttpMethod.Post, Notes + "/statements", EvaluationApp.Organizer,
            new { text = " ", fieldOfActionId = "mond", sentiment = "happy", consent = "countOnly" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("happy", errors.GetProperty("sentiment")[0].GetString());
        var after = await (await app.SendAsync(HttpMethod.Get, Notes, EvaluationApp.Organizer)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before.GetProperty("statements").GetArrayLength(), after.GetProperty("statements").GetArrayLength());

        var invalid = await app.SendAsync(HttpMethod.Post, Notes + "/statements", EvaluationApp.Organizer,
            new { text = " ", fieldOfActionId = "mond", sentiment = "idea", consent = "countOnly" });
        var fields = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["fieldOfActionId", "text"], fields);
    }

    [Theory]
    [InlineData(EvaluationApp.Staff)]
    [InlineData(EvaluationApp.Reviewer)]
    [InlineData(EvaluationApp.GuestOrganizer)]
    public async Task OnlyTheInterviewersAndThePlanningTeamWriteNotes(string personId)
    {
        var response = await app.SendAsync(HttpMethod.Post, Notes + "/statements", personId,
            new { text = "x", fieldOfActionId = "klima", sentiment = "idea", consent = "countOnly" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AWithdrawnStatementLeavesTheEvaluationAndItsTextLeavesTheStore()
    {
        var created = await (await app.SendAsync(HttpMethod.Post, Notes + "/statements", EvaluationApp.Organizer,
            new { text = "Bitte wieder löschen.", fieldOfActionId = "wohnen", sentiment = "idea", consent = "quoteWithName" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bernd Fiktiva (StA 10)", created.GetProperty("namedAs").GetString());

        var withdrawn = await app.SendAsync(HttpMethod.Delete, $"{Notes}/statements/{created.GetProperty("statementId").GetString()}", EvaluationApp.Organizer);

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await Task.Delay(500);
        var evaluation = await (await app.SendAsync(HttpMethod.Get, "/api/tab/evaluation", EvaluationApp.Reviewer)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bitte wieder löschen.", evaluation);
        Assert.DoesNotContain("Bernd", evaluation);
    }

    [Fact]
    public async Task AWorkshopOutcomeChangesTheCatalogueEveryoneReadsAndKeepsItsHistory()
    {
        var created = await app.SendAsync(HttpMethod.Post, "/api/tab/evaluation/workshops/workshop-1/outcomes", EvaluationApp.Organizer,
            new { goalId = "wohnen-2", kind = "reworded", newTextDe = "Neue Wohnungen entstehen im Bestand.", newTextEn = "New homes are built in existing areas.", priority = "high", pollId = "umfrage-w1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dropped = await app.SendAsync(HttpMethod.Post, "/api/tab/evaluation/workshops/workshop-1/outcomes", EvaluationApp.Organizer, new { goalId = "wirtschaft-3", kind = "dropped" });
        Assert.Equal(HttpStatusCode.Created, dropped.StatusCode);

        var goals = await app.Client.GetFromJsonAsync<JsonElement>("/api/process/goals");
        var all = goals.GetProperty("fieldsOfAction").EnumerateArray().SelectMany(f => f.GetProperty("goals").EnumerateArray()).ToList();
        Assert.Equal("Neue Wohnungen entstehen im Bestand.", all.Single(g => g.GetProperty("id").GetString() == "wohnen-2").GetProperty("text").GetProperty("de").GetString());
        Assert.DoesNotContain(all, g => g.GetProperty("id").GetString() == "wirtschaft-3");

        var again = await app.SendAsync(HttpMethod.Post, "/api/tab/evaluation/workshops/workshop-2/outcomes", EvaluationApp.Organizer, new { goalId = "wirtschaft-3", kind = "confirmed", priority = "low" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("gestrichen", await again.Content.ReadAsStringAsync());
        var byReviewer = await app.SendAsync(HttpMethod.Post, "/api/tab/evaluation/workshops/workshop-2/outcomes", EvaluationApp.Reviewer, new { goalId = "klima-1", kind = "confirmed", priority = "low" });
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);

        var history = await (await app.SendAsync(HttpMethod.Get, "/api/tab/evaluation/goals/history", EvaluationApp.Reviewer)).Content.ReadFromJsonAsync<JsonElement>();
        var change = history.GetProperty("changes").EnumerateArray().First(c => c.GetProperty("goalId").GetString() == "wohnen-2");
        Assert.Equal("workshop-1", change.GetProperty("phaseId").GetString());
        Assert.Equal("umfrage-w1", change.GetProperty("pollId").GetString());
    }

    [Fact]
    public async Task ReviewersDownloadAValidReportAndStaffCannot()
    {
        var report = await app.SendAsync(HttpMethod.Get, "/api/tab/evaluation/report.docx", EvaluationApp.Reviewer);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.Content.Headers.ContentType!.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        }
        var summary = await app.SendAsync(HttpMethod.Get, "/api/tab/evaluation/summary.md", EvaluationApp.Organizer);
        Assert.Contains("# Abschlussbericht", await summary.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Get, "/api/tab/evaluation/report.docx", EvaluationApp.Staff)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("/api/tab/evaluation/report.docx")).StatusCode);
    }

    [Fact]
    public async Task TheDashboardNamesTheEvaluationModuleForTheResultsSection()
    {
        var dashboard = await (await app.SendAsync(HttpMethod.Get, "/api/tab/dashboard", EvaluationApp.Reviewer)).Content.ReadFromJsonAsync<JsonElement>();
        var results = dashboard.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "ergebnisse");

        Assert.True(results.GetProperty("available").GetBoolean());
        Assert.Equal("/tab/js/features/evaluation.js", results.GetProperty("module").GetString());
        var texts = await app.Client.GetFromJsonAsync<Dictionary<string, string>>("/api/tab/texts/de");
        Assert.Equal("Interviewnotizen", texts!["evaluation.view.notes"]);
    }
}
