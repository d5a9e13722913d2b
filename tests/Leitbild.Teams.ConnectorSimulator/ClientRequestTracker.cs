namespace Leitbild.Teams.ConnectorSimulator;

/// <summary>Counts the bot's outbound requests in flight, so the time driver never moves time under a request.</summary>
public sealed class ClientRequestTracker : DelegatingHandler
{
    private int _inFlight;

    public ClientRequestTracker() : base(new SocketsHttpHandler())
    {
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    public DateTime LastActivity { get; private set; } = DateTime.UtcNow;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        LastActivity = DateTime.UtcNow;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            LastActivity = DateTime.UtcNow;
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
