using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>How the outbox worker paces itself. Tests shorten the delays.</summary>
public sealed record OutboxSettings
{
    /// <summary>Answers taken per round; the SharePoint store sends them as $batch requests of 20.</summary>
    public int BatchSize { get; init; } = 100;
    /// <summary>Longest sleep when nothing is due (an enqueue wakes the worker at once).</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Goal summaries are recomputed when the outbox runs dry, at most this often.</summary>
    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Drains the outbox into the results store (SharePoint in Microsoft 365 mode, SQLite locally) in rounds of
/// <see cref="OutboxSettings.BatchSize"/>: stored answers leave the outbox, refused ones are parked with the reason,
/// the rest wait with backoff (at least as long as Graph asked). A transient failure is never parked: nothing is lost.
/// </summary>
public sealed partial class ResultsOutboxWorker(
    SqliteResultsOutbox outbox,
    IResultsStore store,
    OutboxSettings settings,
    TimeProvider time,
    ILogger<ResultsOutboxWorker> logger) : BackgroundService, ISummaryRefresh
{
    private readonly HashSet<string> _goalsToSummarise = new(StringComparer.Ordinal);
    // Filled from request threads (moderation), drained by the worker loop, which alone touches _goalsToSummarise.
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requested = new();
    private DateTimeOffset _lastSummary = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverRoundAsync(stoppingToken) > 0)
                {
                    continue;
                }
                await RefreshSummariesIfDueAsync(stoppingToken);
                await SleepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // The database itself failed (disk, lock): log, wait, try again; the answers are still in the outbox.
                LogDatabaseFailed(logger, e.GetType().Name);
                await Task.Delay(settings.RetryBase, time, stoppingToken);
            }
        }
    }

    /// <summary>One round: claim, write, record. Returns how many answers were claimed.</summary>
    public async Task<int> DeliverRoundAsync(CancellationToken cancellationToken)
    {
        var claims = await outbox.ClaimAsync(settings.BatchSize, cancellationToken);
        if (claims.Count == 0)
        {
            return 0;
        }
        IReadOnlyList<AnswerWriteResult> results;
        try
        {
            results = await store.UpsertManyAsync(claims.Select(c => new AnswerWrite(c.Answer, c.MayExist)).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is unreachable or not set up: every answer waits, none is parked.
            LogStoreFailed(logger, claims.Count, e.GetType().Name, e.Message);
            results = claims.Select(c => new AnswerWriteResult(c.Answer.Key, AnswerWriteStatus.RetryLater, $"{e.GetType().Name}: {e.Message}")).ToList();
        }
        var outcomes = claims.Zip(results, (claim, result) => (claim, result, RetryDelay(claim.Attempts, result.RetryAfter))).ToList();
        await outbox.CompleteAsync(outcomes, CancellationToken.None);
        foreach (var (claim, result, _) in outcomes.Where(o => o.result.Status == AnswerWriteStatus.Stored))
        {
            _goalsToSummarise.Add(claim.Answer.GoalId);
        }
        var stored = results.Count(r => r.Status == AnswerWriteStatus.Stored);
        var parked = results.Count(r => r.Status == AnswerWriteStatus.Rejected);
        LogRound(logger, claims.Count, stored, parked, claims.Count - stored - parked);
        return claims.Count;
    }

    /// <summary>A comment was hidden or shown again: the goal's stored summary is redone with the next refresh.</summary>
    public void Request(IReadOnlyCollection<string> goalIds)
    {
        foreach (var goal in goalIds)
        {
            _requested.Enqueue(goal);
        }
        outbox.Nudge();
    }

    private void TakeRequests()
    {
        while (_requested.TryDequeue(out var goal))
        {
            _goalsToSummarise.Add(goal);
        }
    }

    private async Task RefreshSummariesIfDueAsync(CancellationToken cancellationToken)
    {
        TakeRequests();
        if (_goalsToSummarise.Count == 0 || time.GetUtcNow() - _lastSummary < settings.SummaryInterval)
        {
            return;
        }
        var goals = _goalsToSummarise.ToList();
        try
        {
            await store.RefreshSummariesAsync(goals, cancellationToken);
            _goalsToSummarise.ExceptWith(goals);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSummaryFailed(logger, goals.Count, e.GetType().Name);
        }
        _lastSummary = time.GetUtcNow();
    }

    private async Task SleepAsync(CancellationToken cancellationToken)
    {
        var wait = settings.IdlePoll;
        if (await outbox.NextDueAsync(cancellationToken) is { } due)
        {
            var untilDue = due - time.GetUtcNow();
            wait = untilDue < wait ? untilDue : wait;
        }
        TakeRequests();
        if (_goalsToSummarise.Count > 0)
        {
            var untilSummary = _lastSummary + settings.SummaryInterval - time.GetUtcNow();
            wait = untilSummary < wait ? untilSummary : wait;
        }
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await outbox.Wake.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Slept the full time: look again.
        }
    }

    /// <summary>Exponential backoff with jitter, never shorter than Graph asked for.</summary>
    private TimeSpan RetryDelay(int attempts, TimeSpan? asked)
    {
        var backoff = settings.RetryBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 16)) * (0.8 + Random.Shared.NextDouble() * 0.4);
        var delay = TimeSpan.FromMilliseconds(Math.Min(backoff, settings.RetryMax.TotalMilliseconds));
        return asked is { } a && a > delay ? a : delay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox round: {Claimed} claimed, {Stored} stored, {Parked} parked, {Waiting} waiting")]
    private static partial void LogRound(ILogger logger, int claimed, int stored, int parked, int waiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Results store failed for {Count} answers ({Error}: {Detail}); they stay in the outbox")]
    private static partial void LogStoreFailed(ILogger logger, int count, string error, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Goal summaries for {Count} goals not refreshed ({Error}); trying again later")]
    private static partial void LogSummaryFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox database failed ({Error}); retrying")]
    private static partial void LogDatabaseFailed(ILogger logger, string error);
}
