using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Bot.Schema;
using Activity = Leitbild.Teams.Bot.Schema.Activity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leitbild.Teams.Bench;

/// <summary>
/// The real host in local mode on Kestrel (127.0.0.1), loaded by 64 concurrent clients on loopback.
/// Scenario "text": the "status" command with deliveryMode expectReplies, so the reply card travels back in the
/// HTTP response (in Teams it would go out through the connector, paced at 50/s per tenant by the rate limiter).
/// Scenario "invoke": an adaptiveCard/action "bot.status" invoke, answered with the status card (reads state only).
/// Every activity has its own id, so each one is recorded for de-duplication (one SQLite write).
/// </summary>
public static class BotMessagesBenchmark
{
    private const int Clients = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var database = Path.Combine(Path.GetTempPath(), $"leitbild-bench-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        builder.Configuration["Leitbild:DatabasePath"] = database;
        builder.AddLeitbildServices();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapLeitbild();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(address),
            };
            Console.WriteLine($"POST /api/messages, {Clients} concurrent clients, {seconds} s per scenario, {Environment.ProcessorCount} cores");
            var scenarios = new (string Name, Func<int, Activity> Make)[] { ("text command 'status' (expectReplies)", TextCommand), ("adaptiveCard/action invoke 'bot.status'", Invoke) };
            // Warm up every path first (JIT, connection pool, SQLite pages), then measure each in turn.
            foreach (var (_, make) in scenarios)
            {
                await Measure(http, make, TimeSpan.FromSeconds(3), warmup: true);
            }
            foreach (var (name, make) in scenarios)
            {
                var result = await Measure(http, make, TimeSpan.FromSeconds(seconds), warmup: false);
                Console.WriteLine($"{name,-44} {result.PerSecond,8:0} activities/s   p50 {result.P50,6:0.0} ms   p99 {result.P99,6:0.0} ms   ({result.Count} requests, {result.Errors} errors)");
            }
        }
        finally
        {
            await app.StopAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
        return 0;
    }

    private sealed record Result(int Count, int Errors, double PerSecond, double P50, double P99);

    private static Activity Base(int n, string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:9/_connector",
        Locale = "de-DE",
        From = new ChannelAccount { Id = $"29:user-{n % 500}", AadObjectId = $"00000000-0000-0000-0000-{n % 500:D12}" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = $"a:conversation-{n % 500}", ConversationType = "personal", TenantId = "tenant" },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant" } },
    };

    private static Activity TextCommand(int n) => Base(n, "message") with { Text = "status", DeliveryMode = "expectReplies" };

    private static Activity Invoke(int n) => Base(n, "invoke") with
    {
        Name = "adaptiveCard/action",
        ReplyToId = "card-1",
        Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "bot.status" }, trigger = "manual" }),
    };

    private static async Task<Result> Measure(HttpClient http, Func<int, Activity> make, TimeSpan duration, bool warmup)
    {
        var latencies = new List<double>[Clients];
        var errors = 0;
        var counter = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Clients).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(100_000);
            while (stopwatch.Elapsed < duration)
            {
                var activity = make(Interlocked.Increment(ref counter));
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/messages", activity, BotJson.Options);
                await response.Content.LoadIntoBufferAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return warmup || all.Length == 0
            ? new Result(all.Length, errors, 0, 0, 0)
            : new Result(all.Length, errors, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
