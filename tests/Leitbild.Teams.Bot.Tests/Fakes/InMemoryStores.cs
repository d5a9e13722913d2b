using System.Collections.Concurrent;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Hosting;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Tests.Fakes;

public sealed class InMemoryProcessedActivityStore : IProcessedActivityStore
{
    public ConcurrentDictionary<string, ProcessedActivity> Records { get; } = new();

    public Task<ProcessedActivity?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Records.GetValueOrDefault(key));

    public Task RecordAsync(ProcessedActivity activity, CancellationToken cancellationToken)
    {
        Records.TryAdd(activity.Digest, activity);
        return Task.CompletedTask;
    }
}

public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    public ConcurrentDictionary<string, ConversationReference> References { get; } = new();

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        References[reference.Conversation!.Id!] = reference;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        References.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(References.GetValueOrDefault(conversationId));

    public Task<ConversationReference?> FindPersonalAsync(string tenantId, string personId, CancellationToken cancellationToken) =>
        Task.FromResult(References.Values.FirstOrDefault(r => r.IsPersonal && r.TenantId == tenantId && r.User?.AadObjectId == personId));
}

/// <summary>Keeps jobs in memory; survives "restarts" of the Broadcaster because tests keep this instance.</summary>
public sealed class InMemoryBroadcastStore : IBroadcastStore
{
    private readonly ConcurrentDictionary<string, BroadcastJob> _jobs = new();
    private readonly ConcurrentDictionary<string, bool> _complete = new();
    private readonly ConcurrentDictionary<(string Job, string Person), BroadcastDelivery> _deliveries = new();

    public Task<bool> CreateAsync(BroadcastJob job, CancellationToken cancellationToken)
    {
        if (!_jobs.TryAdd(job.Id, job))
        {
            return Task.FromResult(false);
        }
        foreach (var r in job.Recipients)
        {
            _deliveries[(job.Id, r.PersonId)] = new BroadcastDelivery(r.PersonId, r.TeamsUserId, DeliveryState.Pending, null, null);
        }
        return Task.FromResult(true);
    }

    public Task<BroadcastJob?> GetAsync(string jobId, CancellationToken cancellationToken) => Task.FromResult(_jobs.GetValueOrDefault(jobId));

    public Task<IReadOnlyList<BroadcastDelivery>> ListDeliveriesAsync(string jobId, CancellationToken cancellationToken)
    {
        var order = _jobs[jobId].Recipients.Select((r, i) => (r.PersonId, i)).ToDictionary(x => x.PersonId, x => x.i);
        IReadOnlyList<BroadcastDelivery> list = _deliveries.Where(d => d.Key.Job == jobId).Select(d => d.Value).OrderBy(d => order[d.PersonId]).ToList();
        return Task.FromResult(list);
    }

    public Task MarkAsync(string jobId, string personId, DeliveryState state, string? activityId, string? detail, CancellationToken cancellationToken)
    {
        var current = _deliveries[(jobId, personId)];
        _deliveries[(jobId, personId)] = current with { State = state, ActivityId = activityId, Detail = detail };
        return Task.CompletedTask;
    }

    public Task CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        _complete[jobId] = true;
        return Task.CompletedTask;
    }

    public Task<bool> IsCompleteAsync(string jobId, CancellationToken cancellationToken) => Task.FromResult(_complete.ContainsKey(jobId));

    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_jobs.Keys.Where(k => !_complete.ContainsKey(k)).ToList());
}
