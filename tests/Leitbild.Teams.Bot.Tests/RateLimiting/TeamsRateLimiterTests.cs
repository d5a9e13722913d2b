using Leitbild.Teams.Bot.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.Bot.Tests.RateLimiting;

public class TeamsRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    /// <summary>Teams' limits without the safety margin, so the expected moments are exact.</summary>
    private static readonly TeamsRateLimits Exact = new() { SafetyMargin = TimeSpan.Zero };

    /// <summary>Checks every window against the times, the naive way: for each send, the sends in [t, t + span).</summary>
    private static void AssertWithin(IReadOnlyList<TimeSpan> sends, IEnumerable<RateWindow> windows)
    {
        var sorted = sends.Order().ToList();
        foreach (var window in windows)
        {
            for (var i = 0; i < sorted.Count; i++)
            {
                var inWindow = sorted.Skip(i).TakeWhile(t => t < sorted[i] + window.Span).Count();
                Assert.True(inWindow <= window.Limit, $"{inWindow} sends in {window.Span} from {sorted[i]} (limit {window.Limit})");
            }
        }
    }

    /// <summary>Reserves n slots with time standing still: every slot after the first few lies ahead.</summary>
    private static List<TimeSpan> Reserve(TeamsRateLimiter limiter, int n, Func<int, (string Tenant, string? Conversation)> target) =>
        Enumerable.Range(0, n).Select(i => target(i)).Select(t => limiter.Reserve(t.Tenant, t.Conversation)).ToList();

    [Fact]
    public void ABurstIntoOneConversationNeverExceedsAnyConversationWindow()
    {
        var limits = Exact;
        var sends = Reserve(new TeamsRateLimiter(_time, limits), 130, _ => ("t", "a:1"));

        AssertWithin(sends, limits.PerConversation);
        // 7 at once, the 8th when the first second is over, the 9th when the first two seconds are.
        Assert.All(sends.Take(7), t => Assert.Equal(TimeSpan.Zero, t));
        Assert.Equal(TimeSpan.FromSeconds(1), sends[7]);
        Assert.Equal(TimeSpan.FromSeconds(2), sends[8]);
        // 60 per 30 s: the 61st waits for the first 30 seconds to pass.
        Assert.Equal(TimeSpan.FromSeconds(30), sends[60]);
    }

    [Fact]
    public void ABurstToManyPeopleNeverExceedsTheTenantLimitAndKeepsItsPace()
    {
        var limits = Exact;
        var sends = Reserve(new TeamsRateLimiter(_time, limits), 1000, i => ("t", $"a:{i}"));

        AssertWithin(sends, limits.PerTenant);
        // 50 per second: 1000 sends need twenty seconds of slots, the last one starting at 19 s.
        Assert.Equal(TimeSpan.FromSeconds(19), sends.Max());
    }

    [Fact]
    public void MixedTrafficWhileTimePassesStaysWithinEveryWindow()
    {
        var limits = Exact;
        var limiter = new TeamsRateLimiter(_time, limits);
        var random = new Random(7);
        var perConversation = new Dictionary<string, List<TimeSpan>>();
        var all = new List<TimeSpan>();
        for (var i = 0; i < 3000; i++)
        {
            var conversation = $"a:{random.Next(12)}";
            var at = _time.GetUtcNow() - Start + limiter.Reserve("t", conversation);
            (perConversation.TryGetValue(conversation, out var list) ? list : perConversation[conversation] = []).Add(at);
            all.Add(at);
            _time.Advance(TimeSpan.FromMilliseconds(random.Next(0, 40)));
        }

        AssertWithin(all, limits.PerTenant);
        Assert.All(perConversation.Values, sends => AssertWithin(sends, limits.PerConversation));
    }

    [Fact]
    public async Task AcquiringWaitsOnTheTimeProviderUntilTheSlot()
    {
        var limiter = new TeamsRateLimiter(_time, Exact);
        for (var i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("t", "a:1", CancellationToken.None);
        }

        var eighth = limiter.AcquireAsync("t", "a:1", CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20);
        Assert.False(eighth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void TenantsDoNotShareTheirLimit()
    {
        var sends = Reserve(new TeamsRateLimiter(_time, Exact), 100, i => (i % 2 == 0 ? "t1" : "t2", $"a:{i}"));

        Assert.All(sends, t => Assert.Equal(TimeSpan.Zero, t));
    }

    [Fact]
    public void ABusyConversationDoesNotHoldUpAnotherOne()
    {
        var limiter = new TeamsRateLimiter(_time, Exact);
        for (var i = 0; i < 40; i++)
        {
            limiter.Reserve("t", "a:busy");
        }

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("t", "a:quiet"));
    }

    [Fact]
    public void ReservationsMadeAheadStillRespectTheHourlyLimit()
    {
        var limits = Exact;
        var limiter = new TeamsRateLimiter(_time, limits);

        // Time does not move: every reservation lies in the future, so the limiter has to fit them among each other.
        var delays = Enumerable.Range(0, 1805).Select(_ => limiter.Reserve("t", "a:1")).ToList();

        AssertWithin(delays, limits.PerConversation);
        Assert.True(delays[1800] >= TimeSpan.FromHours(1), $"the 1801st send may not start before an hour has passed, got {delays[1800]}");
    }

    [Fact]
    public void ACallForTheTenantOnlyCountsAgainstTheTenant()
    {
        var limiter = new TeamsRateLimiter(_time, Exact);
        var delays = Enumerable.Range(0, 51).Select(_ => limiter.Reserve("t", null)).ToList();

        Assert.Equal(TimeSpan.Zero, delays[49]);
        Assert.Equal(TimeSpan.FromSeconds(1), delays[50]);
    }

    [Fact]
    public async Task WaitingCanBeCancelled()
    {
        var limiter = new TeamsRateLimiter(_time, Exact);
        for (var i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("t", "a:1", CancellationToken.None);
        }
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("t", "a:1", cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void TheDefaultSafetyMarginKeepsBatchesApartByMoreThanTheWindow()
    {
        var limiter = new TeamsRateLimiter(_time);
        var sends = Reserve(limiter, 101, i => ("t", $"a:{i}"));

        Assert.Equal(TimeSpan.Zero, sends[49]);
        Assert.Equal(TimeSpan.FromMilliseconds(1050), sends[50]);
        Assert.Equal(TimeSpan.FromMilliseconds(2100), sends[100]);
    }
}
