using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Results;

public sealed class ResultsApiTests : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"leitbild-api-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Leitbild:DatabasePath", _databasePath));
        _http = _app.CreateClient();
        await _http.SignInAsync(DevSignIn.Organizer);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private async Task StoreAsync(params Answer[] answers) =>
        await _app.Services.GetRequiredService<IResultsStore>().UpsertManyAsync(answers.Select(a => new AnswerWrite(a, false)).ToList(), CancellationToken.None);

    [Fact]
    public async Task AnAnswerEnqueuedInLocalModeReachesTheSqliteStore()
    {
        await _app.Services.GetRequiredService<IResultsOutbox>().EnqueueAsync(Samples.Rating(1), CancellationToken.None);

        await ResultsOutboxTests.Eventually(() =>
            _app.Services.GetRequiredService<IResultsStore>().ReadGoalSummaryAsync("klima-1", CancellationToken.None).GetAwaiter().GetResult().RespondentCount == 1);

        Assert.IsType<SqliteResultsStore>(_app.Services.GetRequiredService<IResultsStore>());
    }

    [Fact]
    public async Task ParkedAnswersAreListedForOrganizersWithTheReasonButWithoutThePerson()
    {
        var outbox = _app.Services.GetRequiredService<SqliteResultsOutbox>();
        await _app.Services.GetRequiredService<ResultsOutboxWorker>().StopAsync(CancellationToken.None);
        await outbox.EnqueueAsync(Samples.Rating(7, goal: "wohnen-2"), CancellationToken.None);
        var claim = Assert.Single(await outbox.ClaimAsync(10, CancellationToken.None));
        await outbox.CompleteAsync([(claim, new AnswerWriteResult(claim.Answer.Key, AnswerWriteStatus.Rejected, "400 invalidRequest: Field 'Rating' is not recognized"), TimeSpan.Zero)], CancellationToken.None);

        var json = await _http.GetStringAsync("/api/results/parked");

        using var parked = JsonDocument.Parse(json);
        var item = Assert.Single(parked.RootElement.EnumerateArray());
        Assert.Equal("wohnen-2", item.GetProperty("goalId").GetString());
        Assert.Contains("not recognized", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.Person(7), json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvExportIsUtf8WithBomSemicolonsAndGermanHeaders()
    {
        await StoreAsync(Samples.Rating(1, rating: 5), Samples.Rating(2, rating: 4) with { Value = AnswerValue.OfText("=HYPERLINK(\"x\"); Grünfläche") }, Samples.Rating(3, poll: "andere"));

        var response = await _http.GetAsync("/api/results/export.csv?poll=poll-1");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Umfrage;Frage;Ziel;Handlungsfeld;Antwortart;Bewertung (1–5);", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"); Grünfläche\"", lines[2], StringComparison.Ordinal);
        Assert.Contains(";2026-03-02 10:31:00;", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryCsvUsesADecimalComma()
    {
        await StoreAsync(Samples.Rating(1, rating: 5), Samples.Rating(2, rating: 4), Samples.Rating(3, rating: 5), Samples.Rating(4, rating: 4), Samples.Rating(5, rating: 5));

        var text = Encoding.UTF8.GetString(await _http.GetByteArrayAsync("/api/results/export.csv?poll=poll-1&view=summary"));

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Ziel;Amt;Handlungsfeld;Antworten;Personen;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("klima-1;alle Ämter;klima;5;5;5;0;4,6;0;0;0;2;3", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryCsvOfFourPeopleSaysNotEnoughAnswersInsteadOfFigures()
    {
        await StoreAsync(Samples.Rating(1, rating: 1), Samples.Rating(2, rating: 5), Samples.Rating(3, rating: 5), Samples.Rating(4, rating: 5));

        var text = Encoding.UTF8.GetString(await _http.GetByteArrayAsync("/api/results/export.csv?poll=poll-1&view=summary"));

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("klima-1;alle Ämter;klima;;4;;;;;;;;;noch zu wenige Antworten", lines[1]);
    }

    [Fact]
    public async Task TheXlsxExportHoldsAnswersAndSummaryAsSheets()
    {
        await StoreAsync(Samples.Rating(1, rating: 5), Samples.Rating(2, rating: 3, goal: "klima-2"));

        var response = await _http.GetAsync("/api/results/export.xlsx?poll=poll-1&lang=en");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Answers", "Goal summary"], sheets.Select(s => s.Name?.Value));
        var answers = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(3, answers.Count);
        Assert.Equal("Poll", answers[0].Elements<Cell>().First().InnerText);
        Assert.Equal("5", answers[1].Elements<Cell>().ElementAt(5).CellValue!.Text);
    }

    [Fact]
    public async Task WithoutAPollTheExportHoldsEveryAnswerToTheProcessGoals()
    {
        await StoreAsync(Samples.Rating(1, rating: 5), Samples.Rating(2, rating: 3, goal: "wohnen-2", poll: "andere"), Samples.Rating(3, goal: "kein-ziel-des-katalogs"));

        var response = await _http.GetAsync("/api/results/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("leitbild-alle-antworten-answers.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("poll-1;q-klima-1;klima-1;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("andere;q-wohnen-2;wohnen-2;", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGuestOrganizersExportHasNoRespondentColumn()
    {
        await StoreAsync(Samples.Rating(1, rating: 5), Samples.Rating(2, rating: 3));
        using var guest = _app.CreateClient();
        await guest.SignInAsync(DevSignIn.GuestOrganizer);

        var csv = Encoding.UTF8.GetString(await guest.GetByteArrayAsync("/api/results/export.csv?poll=poll-1"));
        var xlsx = await guest.GetByteArrayAsync("/api/results/export.xlsx?poll=poll-1");
        var own = Encoding.UTF8.GetString(await _http.GetByteArrayAsync("/api/results/export.csv?poll=poll-1"));

        Assert.Contains("Person (Schlüssel)", own, StringComparison.Ordinal);
        Assert.Contains(Samples.Person(1), own, StringComparison.Ordinal);
        Assert.DoesNotContain("Person (Schlüssel)", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.Person(1), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.Person(2), csv, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Select(c => c.InnerText).ToList();
        Assert.DoesNotContain(cells, c => c.Contains(Samples.Person(1), StringComparison.Ordinal) || c == "Person (Schlüssel)");
        Assert.Equal(14, document.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().Count()).Max());
    }

    [Theory]
    [InlineData("/api/results/export.csv?poll=p&view=alles")]
    [InlineData("/api/results/summary")]
    public async Task AnUnknownViewOrASummaryWithoutAGoalIsABadRequestWithAGermanMessage(string url)
    {
        var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bitte", (await response.Content.ReadAsStringAsync()).Replace("Unbekannte", "Bitte", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
