using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Activity = Leitbild.Teams.Bot.Schema.Activity;

namespace Leitbild.Teams.Bench;

/// <summary>
/// 500 people answer a poll card at the same moment: 500 adaptiveCard/action "poll.answer" invokes against the real
/// host in local mode on Kestrel (127.0.0.1), SQLite with synchronous=FULL. The seeded directory has 59 people, so each
/// round uses 10 open polls (audience: everyone who installed the app, anonymous, one three-goal rating question) and
/// the first 50 people answer each of them: every (poll, person) pair is answered once, 1,500 answer rows per round.
/// Round "burst": all 500 invokes sent at once. Round "64 clients": the same load through 64 concurrent connections,
/// as bot-messages measures; round "8 clients": the time of one answer with little queueing. Afterwards the SQLite tables must hold every answer exactly once. Target: p99 ≤ 100 ms.
/// </summary>
public static class PollAnswersBenchmark
{
    private const int Invokes = 500;
    private const int PollsPerRound = 10;
    private const int PeoplePerPoll = Invokes / PollsPerRound;
    private const int GoalsPerPoll = 3;
    private const double BudgetMs = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var database = Path.Combine(Path.GetTempPath(), $"leitbild-bench-polls-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        builder.Configuration["Leitbild:DatabasePath"] = database;
        builder.AddLeitbildServices();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapLeitbild();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var withinBudget = true;
        try
        {
            var people = (await app.Services.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None)).People
                .Take(PeoplePerPoll).Select(p => p.Id).ToList();
            if (people.Count < PeoplePerPoll)
            {
                Console.Error.WriteLine($"the seeded directory has {people.Count} people, {PeoplePerPoll} are needed");
                return 1;
            }
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Invokes, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(address),
            };
            Console.WriteLine($"{Invokes} adaptiveCard/action 'poll.answer' invokes per round: {PollsPerRound} polls × {PeoplePerPoll} people, " +
                $"{GoalsPerPoll} goals each, {Environment.ProcessorCount} cores");

            // Warm-up on polls of its own (JIT, connection pool, SQLite pages); its answers are checked too.
            var expectedRows = 0;
            var warmup = await CreatePollsAsync(app.Services, PollsPerRound);
            await RunRoundAsync(http, Work(warmup, people), concurrency: 64);
            expectedRows += Invokes * GoalsPerPoll;

            foreach (var (name, concurrency) in new[] { ("burst: all 500 at once", Invokes), ("64 concurrent clients", 64), ("8 concurrent clients", 8) })
            {
                var polls = await CreatePollsAsync(app.Services, PollsPerRound);
                var round = await RunRoundAsync(http, Work(polls, people), concurrency);
                expectedRows += Invokes * GoalsPerPoll;
                Console.WriteLine($"{name,-24} p50 {round.P50,6:0.0} ms   p99 {round.P99,6:0.0} ms   max {round.Max,6:0.0} ms   " +
                    $"{round.PerSecond,6:0} answers/s   ({round.Accepted} accepted, {round.Errors} errors)");
                withinBudget &= round.P99 <= BudgetMs && round.Errors == 0 && round.Accepted == Invokes;
            }

            const int Rounds = 4;
            var stored = await CountAsync(database, expectedRows);
            Console.WriteLine($"stored ({Rounds} rounds incl. warm-up, {expectedRows} answer rows expected): poll_answers {stored.PollAnswers} " +
                $"(distinct keys {stored.DistinctPollAnswers}), results_outbox_ledger {stored.Ledger}, results_outbox pending {stored.OutboxPending}, " +
                $"results_answers {stored.ResultsAnswers}, poll_participants {stored.Participants} (expected {Rounds * Invokes})");
            var exactlyOnce = stored.PollAnswers == expectedRows && stored.DistinctPollAnswers == expectedRows && stored.Ledger == expectedRows
                && stored.ResultsAnswers == expectedRows && stored.Participants == Rounds * Invokes;
            Console.WriteLine(exactlyOnce ? "every answer stored exactly once" : "MISMATCH: answers lost or duplicated");
            withinBudget &= exactlyOnce;
            Console.WriteLine($"target p99 ≤ {BudgetMs} ms in every round: {(withinBudget ? "met" : "NOT met")}");
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
        return withinBudget ? 0 : 1;
    }

    private sealed record Round(int Accepted, int Errors, double PerSecond, double P50, double P99, double Max);

    private sealed record Stored(long PollAnswers, long DistinctPollAnswers, long Ledger, long OutboxPending, long ResultsAnswers, long Participants);

    private static async Task<IReadOnlyList<Poll>> CreatePollsAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IProcessStore>();
        var process = (await store.ListProcessesAsync(CancellationToken.None)).First();
        var goals = (await store.GetGoalsAsync(process.Id, CancellationToken.None))!.AllGoals.Select(g => g.Id).ToList();
        var organizer = (await scope.ServiceProvider.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None)).People
            .First(p => p.Has(Role.Organizer)).Id;
        var service = scope.ServiceProvider.GetRequiredService<PollService>();
        var polls = new List<Poll>();
        for (var i = 0; i < count; i++)
        {
            var poll = await service.CreateAsync(new PollDraft
            {
                PhaseId = process.Phases[0].Id,
                Title = new LocalizedText($"Bench {i}", $"Bench {i}"),
                Questions =
                [
                    new Question
                    {
                        Id = "q1", Kind = QuestionKind.GoalRating, Prompt = new LocalizedText("Wie sehr stimmen Sie zu?", "How much do you agree?"),
                        GoalIds = [.. goals.Skip(i * GoalsPerPoll % goals.Count).Take(GoalsPerPoll)],
                    },
                ],
                Settings = new PollSettings { Anonymous = true, Visibility = ResultsVisibility.AfterClose },
                Audience = PollAudience.AllInstalled,
            }, organizer, CancellationToken.None);
            // Opened directly: sending the cards to everyone would measure delivery, which bot-broadcast covers.
            await service.OpenAsync(poll.Id, CancellationToken.None);
            polls.Add(poll);
        }
        return polls;
    }

    /// <summary>One invoke per (poll, person), interleaved so that concurrent invokes hit different polls and people.</summary>
    private static List<Activity> Work(IReadOnlyList<Poll> polls, IReadOnlyList<string> people)
    {
        var work = new List<Activity>(Invokes);
        for (var p = 0; p < people.Count; p++)
        {
            for (var q = 0; q < polls.Count; q++)
            {
                work.Add(Answer(polls[q], people[p], work.Count));
            }
        }
        return work;
    }

    private static Activity Answer(Poll poll, string personId, int n)
    {
        var question = poll.Questions[0];
        // Universal Actions merge the card's input values into action.data next to the data the button carries.
        var data = new Dictionary<string, string>
        {
            [PollCards.PollIdKey] = poll.Id,
            [PollCards.PageKey] = "1",
        };
        for (var g = 0; g < question.GoalIds.Count; g++)
        {
            data[PollInputs.Rating(question, question.GoalIds[g])] = (1 + ((n + g) % 5)).ToString(CultureInfo.InvariantCulture);
        }
        return new Activity
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            ServiceUrl = "http://127.0.0.1:9/_connector",
            Locale = "de-DE",
            ReplyToId = "card-" + poll.Id,
            From = new ChannelAccount { Id = "29:" + personId, AadObjectId = personId },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:personal-" + personId, ConversationType = "personal", TenantId = "tenant" },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant" } },
            Value = JsonSerializer.SerializeToElement(new
            {
                action = new { type = "Action.Execute", verb = PollCards.AnswerVerb, data },
                trigger = "manual",
            }),
        };
    }

    private static async Task<Round> RunRoundAsync(HttpClient http, IReadOnlyList<Activity> work, int concurrency)
    {
        var thanks = Texts.Get("poll.card.thanks", "de");
        var latencies = new double[work.Count];
        var accepted = 0;
        var errors = 0;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/messages", work[i], BotJson.Options);
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                // Accepted means the invoke answered with the "thank you — your answer" card, not a card with problems.
                if (response.StatusCode == HttpStatusCode.OK && body.Contains(JsonEncodedText.Encode(thanks).Value, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new Round(accepted, errors, work.Count / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Counts after the results outbox has drained into the embedded results store (at most 30 s).</summary>
    private static async Task<Stored> CountAsync(string database, int expectedRows)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        var deadline = Stopwatch.StartNew();
        while (await Scalar("SELECT COUNT(*) FROM results_answers") < expectedRows && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }
        return new Stored(
            await Scalar("SELECT COUNT(*) FROM poll_answers"),
            await Scalar("SELECT COUNT(DISTINCT poll_id || '|' || respondent_key || '|' || answer_key) FROM poll_answers"),
            await Scalar("SELECT COUNT(*) FROM results_outbox_ledger"),
            await Scalar("SELECT COUNT(*) FROM results_outbox"),
            await Scalar("SELECT COUNT(*) FROM results_answers"),
            await Scalar("SELECT COUNT(*) FROM poll_participants"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
