namespace Leitbild.Teams.Bot.Hosting;

/// <summary>The answer given to one inbound activity, kept so a retry of the same activity gets the same answer.</summary>
public sealed record ProcessedActivity(string Key, int Status, string? Body, DateTimeOffset ProcessedAt);

/// <summary>
/// Remembers processed activities (key: conversation id + activity id). Teams retries an activity it got no
/// answer to in time; the retry must not run the handler twice.
/// </summary>
public interface IProcessedActivityStore
{
    Task<ProcessedActivity?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records the answer; recording the same key twice keeps the first.</summary>
    Task RecordAsync(ProcessedActivity activity, CancellationToken cancellationToken);
}
