using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Bench;

/// <summary>
/// The results page's server time with 10,000 answers in the SQLite results store: the whole app in process (local
/// mode, its own database file), a reviewer signed in through the development sign-in, and the API calls the page makes
/// timed one by one (median and 95th percentile of 30 runs after 5 warm-up runs). Target: the page's calls ≤ 200 ms.
/// </summary>
internal static class TabResultsScenario
{
    private const int Answers = 10_000;
    private const int Runs = 30;
    private const int WarmUp = 5;
    private const double BudgetMs = 200;
    private const string Reviewer = "b419bdba-9fac-59f2-94ae-477b23679514";

    private static readonly string[] PageCalls = ["/api/tab/texts/de", "/api/me", "/api/tab/dashboard", "/api/results/overview"];

    public static async Task<int> RunAsync(string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"leitbild-bench-tab-{Guid.NewGuid():N}.db");
        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        try
        {
            // Any type of the app's assembly names its entry point; "Program" would be this program.
            await using var app = new WebApplicationFactory<LeitbildOptions>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Leitbild:Mode", "Local");
                b.UseSetting("Leitbild:DatabasePath", path);
                // In-process TestServer; should anything listen, it is loopback on a free port, never the app's default 3978.
                b.UseSetting("urls", "http://127.0.0.1:0");
                b.UseEnvironment("Production");
            });
            using var client = app.CreateClient();

            var seeding = Stopwatch.StartNew();
            var goals = await SeedAsync(app.Services, CancellationToken.None);
            seeding.Stop();

            var signIn = await client.PostAsJsonAsync("/api/tab/dev-signin", new { personId = Reviewer });
            signIn.EnsureSuccessStatusCode();
            var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // The page's answer must hold every answer, or the timing means nothing.
            var overview = await client.GetFromJsonAsync<JsonElement>("/api/results/overview");
            var counted = overview.GetProperty("answerCount").GetInt32();
            if (counted != Answers)
            {
                Console.Error.WriteLine($"overview counted {counted} answers, expected {Answers}");
                return 1;
            }

            var timings = PageCalls.ToDictionary(c => c, _ => new List<double>());
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var run = 0; run < WarmUp + Runs; run++)
            {
                foreach (var call in PageCalls)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await client.GetAsync(call);
                    await response.Content.LoadIntoBufferAsync();
                    watch.Stop();
                    response.EnsureSuccessStatusCode();
                    if (run >= WarmUp)
                    {
                        timings[call].Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                if (run == WarmUp - 1)
                {
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                }
            }
            var cpuPerPage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Runs;

            // The store's part of the overview alone: the aggregate read of every goal.
            var store = app.Services.GetRequiredService<IResultsStore>();
            var goalIds = overview.GetProperty("fieldsOfAction").EnumerateArray().SelectMany(f => f.GetProperty("goals").EnumerateArray())
                .Select(g => g.GetProperty("id").GetString()!).ToList();
            var storeTimes = new List<double>();
            for (var run = 0; run < WarmUp + Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                await store.ReadGoalSummariesAsync(goalIds, CancellationToken.None);
                if (run >= WarmUp)
                {
                    storeTimes.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine($"tab-results: {Answers:N0} answers to {goals} goals in the SQLite results store (seeded in {seeding.Elapsed.TotalSeconds:0.0} s)");
            Console.WriteLine($"  overview JSON:             {(await client.GetByteArrayAsync("/api/results/overview")).Length / 1024.0:0} KiB");
            double page = 0;
            foreach (var call in PageCalls)
            {
                var median = Percentile(timings[call], 0.5);
                page += median;
                Console.WriteLine($"  {call,-26} median {median,7:0.0} ms   p95 {Percentile(timings[call], 0.95),7:0.0} ms");
            }
            Console.WriteLine($"  of which the store's read   median {Percentile(storeTimes, 0.5),7:0.0} ms   p95 {Percentile(storeTimes, 0.95),7:0.0} ms ({store.GetType().Name}.ReadGoalSummariesAsync)");
            Console.WriteLine($"  page total (sequential)    median {page,7:0.0} ms   (budget {BudgetMs} ms)");
            Console.WriteLine($"  process CPU per page load: {cpuPerPage:0.0} ms");
            return page <= BudgetMs ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// 10,000 answers over the seeded catalogue's goals: three polls, about 420 people from ten offices, mostly ratings,
    /// some "keine Angabe", comments and choices. Written straight into the store (the outbox is not what is measured).
    /// </summary>
    private static async Task<int> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var processes = services.GetRequiredService<IProcessStore>();
        var directory = services.GetRequiredService<IDirectory>();
        // Starting the host runs migrations and seeds the template.
        var process = (await processes.ListProcessesAsync(cancellationToken))[0];
        var catalogue = (await processes.GetGoalsAsync(process.Id, cancellationToken))!;
        var offices = (await directory.GetOrganisationAsync(cancellationToken)).Offices.Select(o => o.Id).ToList();
        var goals = catalogue.FieldsOfAction.SelectMany(f => f.Goals.Select(g => (Goal: g.Id, Field: f.Id))).ToList();
        var store = services.GetRequiredService<IResultsStore>();
        var random = new Random(20260302);
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var batch = new List<AnswerWrite>();
        var written = 0;
        for (var i = 0; written + batch.Count < Answers; i++)
        {
            var (goal, field) = goals[i % goals.Count];
            var person = i / goals.Count;
            var roll = random.Next(100);
            var value = roll switch
            {
                < 78 => AnswerValue.OfRating(1 + random.Next(5)),
                < 86 => AnswerValue.None,
                < 97 => AnswerValue.OfText($"Anmerkung {i}: mehr Tempo bei {goal}, bitte mit den Ortsteilen abstimmen."),
                _ => AnswerValue.OfChoices("Verwaltung", "Politik"),
            };
            batch.Add(new AnswerWrite(new Answer
            {
                PollId = $"umfrage-{1 + person % 3}",
                QuestionId = $"{goal}-{value.Kind.ToString().ToLowerInvariant()}",
                GoalId = goal,
                FieldOfActionId = field,
                Value = value,
                DepartmentId = offices[person % offices.Count],
                RespondentKey = new Guid(person, 7, 7, new byte[8]).ToString("D"),
                AnsweredAt = start.AddSeconds(i * 37),
                PhaseId = "evaluation",
                Channel = AnswerChannel.Chat,
                AppVersion = "0.1.0",
            }, MayExist: false));
            if (batch.Count == 1000)
            {
                await store.UpsertManyAsync(batch, cancellationToken);
                written += batch.Count;
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await store.UpsertManyAsync(batch, cancellationToken);
        }
        return goals.Count;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
