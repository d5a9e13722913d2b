namespace Leitbild.Teams.Bot.Hosting;

/// <summary>
/// That one inbound activity was handled, and with which status. Kept under a digest of conversation id and activity
/// id and never with the response: the response to an answer card shows the answer, and a conversation id names the
/// person, so storing either would join an anonymous answer to its author.
/// </summary>
public sealed record ProcessedActivity(string Digest, int Status, DateTimeOffset ProcessedAt);

/// <summary>
/// Remembers processed activities for the retry window (minutes). Teams retries an activity it got no answer to in
/// time; the retry must not run the handler twice.
/// </summary>
public interface IProcessedActivityStore
{
    Task<ProcessedActivity?> FindAsync(string digest, CancellationToken cancellationToken);

    /// <summary>Records the activity; recording the same digest twice keeps the first.</summary>
    Task RecordAsync(ProcessedActivity activity, CancellationToken cancellationToken);
}

/// <summary>
/// What a retry gets when its first answer is no longer held in memory (the process restarted, or the retry reached
/// another instance): the handler is not run again, so the host says in its own words that it was done.
/// </summary>
public interface IRepeatedActivityReply
{
    Routing.InvokeResponse ForInvoke(Schema.Activity activity, int recordedStatus);
}

/// <summary>Without a host's wording: the recorded status and no body.</summary>
public sealed class StatusOnlyRepeatedActivityReply : IRepeatedActivityReply
{
    public Routing.InvokeResponse ForInvoke(Schema.Activity activity, int recordedStatus) => new(recordedStatus, null);
}
