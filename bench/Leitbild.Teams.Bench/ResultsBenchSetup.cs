using System.Diagnostics;
using Leitbild.Teams.App.Process;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Leitbild.Teams.Graph.SharePoint;
using Leitbild.Teams.GraphSimulator.Lists;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leitbild.Teams.Bench;

/// <summary>What one drain of the outbox into SharePoint (simulated) cost.</summary>
internal sealed record DrainFigures(int Answers, int HttpRequests, int BatchRequests, int OtherRequests, TimeSpan EnqueueTime, TimeSpan DrainTime, int Items, int SummaryItems);

/// <summary>
/// The real pipeline: SQLite outbox → ResultsOutboxWorker → SharePointResultsStore (GraphServiceClient) → Graph simulator.
/// The workload is one poll of 8 goals answered by 125 people: 1,000 answers.
/// </summary>
internal static class ResultsBenchSetup
{
    public static async Task<DrainFigures> RunAsync(TimeSpan latency)
    {
        var path = Path.Combine(Path.GetTempPath(), $"leitbild-bench-{Guid.NewGuid():N}.db");
        var database = new SqliteDatabase(path);
        await new MigrationRunner(database, [.. ProcessMigrations.All, .. ResultsMigrations.All], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var (host, lists, site) = await ListsSimulator.StartAsync();
        await using var _ = host;
        var settings = new GraphClientSettings { BaseUrl = host.BaseUrl, OrganisationName = "Stadt Bergkamen", AppVersion = "0.1.0" };
        var client = LeitbildGraphClient.Create(settings, new StaticAccessTokenProvider("bench"), TimeProvider.System, NullLoggerFactory.Instance);
        await new SharePointProvisioner(client, host.BaseUrl).ProvisionAsync(new SiteReference(site.Id, null, null), CancellationToken.None);

        var outbox = new SqliteResultsOutbox(database, TimeProvider.System);
        var goals = Enumerable.Range(1, 8).Select(g => $"ziel-{g}").ToArray();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var enqueue = Stopwatch.StartNew();
        for (var person = 1; person <= 125; person++)
        {
            foreach (var goal in goals)
            {
                await outbox.EnqueueAsync(new Answer
                {
                    PollId = "umfrage-1",
                    QuestionId = "frage-" + goal,
                    GoalId = goal,
                    FieldOfActionId = "klima",
                    Value = AnswerValue.OfRating(1 + (person % 5)),
                    DepartmentId = $"amt-{person % 10}",
                    RespondentKey = new Guid(person, 0, 0, new byte[8]).ToString("D"),
                    AnsweredAt = start.AddSeconds(person),
                    PhaseId = "umfrage-1",
                    Channel = AnswerChannel.Chat,
                    AppVersion = "0.1.0",
                }, CancellationToken.None);
            }
        }
        enqueue.Stop();

        host.Requests.Clear();
        host.Faults.Latency = latency;
        var store = new SharePointResultsStore(LeitbildGraphClient.Create(settings, new StaticAccessTokenProvider("bench"), TimeProvider.System, NullLoggerFactory.Instance),
            new SharePointResultsOptions { SiteId = site.Id }, new NoResultsLabels(), new SummaryRulesSource(MinimumGroupSize.Standard, new NoHiddenComments()), TimeProvider.System, NullLogger<SharePointResultsStore>.Instance);
        var worker = new ResultsOutboxWorker(outbox, store, new OutboxSettings { SummaryInterval = TimeSpan.Zero, IdlePoll = TimeSpan.FromMilliseconds(20) }, TimeProvider.System, NullLogger<ResultsOutboxWorker>.Instance);
        var drain = Stopwatch.StartNew();
        await worker.StartAsync(CancellationToken.None);
        // Drained means: every answer in the list and every goal's summary item showing all 125 answers.
        while (lists.Items(ResultsLists.SummariesTitle).Count(i => i.Fields.TryGetValue("AnswerCount", out var c) && c is not null && (double)c == 125) < goals.Length)
        {
            await Task.Delay(5);
            if (drain.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The outbox did not drain in two minutes.");
            }
        }
        drain.Stop();
        await worker.StopAsync(CancellationToken.None);
        var requests = host.Requests.All;
        var figures = new DrainFigures(1000, requests.Count, requests.Count(r => r.PathAndQuery.Contains("$batch", StringComparison.Ordinal)),
            requests.Count(r => !r.PathAndQuery.Contains("$batch", StringComparison.Ordinal)), enqueue.Elapsed, drain.Elapsed,
            lists.Items(ResultsLists.AnswersTitle).Count, lists.Items(ResultsLists.SummariesTitle).Count);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        return figures;
    }

    public static void Print(string title, DrainFigures f)
    {
        Console.WriteLine(title);
        Console.WriteLine($"  answers:                     {f.Answers}");
        Console.WriteLine($"  items in Rückmeldungen:      {f.Items}");
        Console.WriteLine($"  items in Zielbewertung:      {f.SummaryItems}");
        Console.WriteLine($"  Graph HTTP requests:         {f.HttpRequests} ($batch: {f.BatchRequests}, other: {f.OtherRequests}), reads included");
        Console.WriteLine($"  enqueue 1,000 (SQLite FULL): {f.EnqueueTime.TotalSeconds:0.00} s");
        Console.WriteLine($"  drain incl. summaries:       {f.DrainTime.TotalSeconds:0.00} s");
    }
}

/// <summary>The bench measures throughput, not moderation: nothing is hidden.</summary>
internal sealed class NoHiddenComments : IHiddenComments
{
    public Task<HiddenComments> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(HiddenComments.None);
}
