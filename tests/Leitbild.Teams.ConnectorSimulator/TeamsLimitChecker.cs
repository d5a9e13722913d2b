namespace Leitbild.Teams.ConnectorSimulator;

/// <summary>
/// Teams' documented bot limits, checked the simple way on arrival: per conversation 7/1 s, 8/2 s, 60/30 s,
/// 1800/h, and 50/s for the tenant. Deliberately a different (naive) algorithm from the bot's limiter, so the
/// two check each other. https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
/// </summary>
public sealed class TeamsLimitChecker
{
    private static readonly (TimeSpan Span, int Limit)[] PerConversation =
        [(TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60), (TimeSpan.FromHours(1), 1800)];
    private static readonly (TimeSpan Span, int Limit)[] PerTenant = [(TimeSpan.FromSeconds(1), 50)];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _conversations = [];
    private readonly List<DateTimeOffset> _tenant = [];

    /// <summary>Records the call and returns true, or returns false (a 429) when it would break a limit.</summary>
    public bool TryAccept(string? conversationId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Breaks(_tenant, PerTenant, now))
            {
                return false;
            }
            List<DateTimeOffset>? conversation = null;
            if (conversationId is not null)
            {
                if (!_conversations.TryGetValue(conversationId, out conversation))
                {
                    conversation = _conversations[conversationId] = [];
                }
                if (Breaks(conversation, PerConversation, now))
                {
                    return false;
                }
                conversation.Add(now);
            }
            _tenant.Add(now);
            return true;
        }
    }

    // Window (now - span, now]: a call exactly one span after another is in a new window.
    private static bool Breaks(List<DateTimeOffset> arrivals, (TimeSpan Span, int Limit)[] windows, DateTimeOffset now) =>
        windows.Any(w => arrivals.Count(a => a > now - w.Span && a <= now) + 1 > w.Limit);
}
