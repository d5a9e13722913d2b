using System.Collections.Concurrent;
using Leitbild.Teams.Bot.Connector;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Tests.Fakes;

/// <summary>A connector that records what the bot sends instead of calling anything.</summary>
public sealed class RecordingConnector : IConnectorClient
{
    private int _ids;

    public ConcurrentQueue<(string Operation, ConversationReference Target, Activity? Activity)> Calls { get; } = new();

    public IReadOnlyList<Activity> Sent => Calls.Where(c => c.Operation is "send" or "reply").Select(c => c.Activity!).ToList();

    public Task<ResourceResponse> SendAsync(ConversationReference target, Activity activity, CancellationToken cancellationToken) =>
        Record("send", target, activity);

    public Task<ResourceResponse> ReplyAsync(ConversationReference target, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        Record("reply", target, activity);

    public Task<ResourceResponse> UpdateAsync(ConversationReference target, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("update", target, activity);

    public Task DeleteAsync(ConversationReference target, string activityId, CancellationToken cancellationToken) =>
        Record("delete", target, null);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, string tenantId, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("create", new ConversationReference { ServiceUrl = serviceUrl, TenantId = tenantId }, null));
        return Task.FromResult(new ConversationResourceResponse { Id = "a:" + parameters.Members![0].Id });
    }

    private Task<ResourceResponse> Record(string operation, ConversationReference target, Activity? activity)
    {
        Calls.Enqueue((operation, target, activity));
        return Task.FromResult(new ResourceResponse { Id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
