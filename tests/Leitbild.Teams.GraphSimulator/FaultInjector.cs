using Microsoft.AspNetCore.Http;

namespace Leitbild.Teams.GraphSimulator;

/// <summary>
/// Makes the simulator fail like Graph does under load: 429 with Retry-After, 503, slow answers and dropped connections.
/// Deterministic for a given seed, so a failing test can be replayed.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private Random _random = new(42);
    private readonly Queue<Fault> _scripted = new();

    /// <summary>Share of requests (0..1) that fail with a random fault of <see cref="RandomFaults"/>.</summary>
    public double FailureRate { get; set; }

    public IReadOnlyList<FaultKind> RandomFaults { get; set; } = [FaultKind.TooManyRequests, FaultKind.ServiceUnavailable];

    /// <summary>Retry-After seconds sent with 429 and 503.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Added to every request, to simulate Graph's latency.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Only requests whose path contains this are subject to random faults (null: all).</summary>
    public string? PathFilter { get; set; }

    public int InjectedCount { get; private set; }

    public void Seed(int seed)
    {
        lock (_gate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>The next requests fail in this order, before random faults apply.</summary>
    public void Enqueue(params Fault[] faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _scripted.Enqueue(fault);
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _scripted.Clear();
            FailureRate = 0;
            Latency = TimeSpan.Zero;
            PathFilter = null;
            InjectedCount = 0;
        }
    }

    /// <summary>Decides whether this request fails; writes the failure and returns true if so.</summary>
    public async Task<bool> TryFailAsync(HttpContext context)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }
        var fault = Next(context.Request.Path.Value ?? "");
        if (fault is null)
        {
            return false;
        }
        return await WriteAsync(context, fault.Value);
    }

    /// <summary>Random fault decision for one step inside a $batch (so a 200 batch can carry a 429 step).</summary>
    public FaultKind? NextForBatchStep(string url)
    {
        lock (_gate)
        {
            if (FailureRate <= 0 || (PathFilter is not null && !url.Contains(PathFilter, StringComparison.Ordinal)))
            {
                return null;
            }
            if (_random.NextDouble() >= FailureRate)
            {
                return null;
            }
            InjectedCount++;
            var kind = RandomFaults[_random.Next(RandomFaults.Count)];
            return kind is FaultKind.TooManyRequests or FaultKind.ServiceUnavailable ? kind : FaultKind.TooManyRequests;
        }
    }

    private Fault? Next(string path)
    {
        lock (_gate)
        {
            if (_scripted.Count > 0)
            {
                InjectedCount++;
                return _scripted.Dequeue();
            }
            if (FailureRate <= 0 || (PathFilter is not null && !path.Contains(PathFilter, StringComparison.Ordinal)))
            {
                return null;
            }
            if (_random.NextDouble() >= FailureRate)
            {
                return null;
            }
            InjectedCount++;
            return new Fault(RandomFaults[_random.Next(RandomFaults.Count)]);
        }
    }

    private async Task<bool> WriteAsync(HttpContext context, Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? RetryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await GraphErrors.WriteAsync(context, "TooManyRequests", "Too many requests.");
                return true;
            case FaultKind.ServiceUnavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? RetryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await GraphErrors.WriteAsync(context, "serviceNotAvailable", "The service is temporarily unavailable.");
                return true;
            case FaultKind.Slow:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(30), context.RequestAborted);
                return false;
            case FaultKind.DropConnection:
                context.Abort();
                return true;
            default:
                return false;
        }
    }
}

public enum FaultKind
{
    TooManyRequests,
    ServiceUnavailable,
    Slow,
    DropConnection,
}

public readonly record struct Fault(FaultKind Kind, int? RetryAfterSeconds = null, TimeSpan? Delay = null);
