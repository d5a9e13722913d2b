using Leitbild.Teams.App.Polls.Bot;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.App.Polls.Bot;

/// <summary>Builds the right card of a poll for one viewer at this moment: questions, their answers, results or closed.</summary>
public sealed class PollCardFactory(PollService service, IPollStore polls, IProcessStore processes, TimeProvider time)
{
    public async Task<PollCardContext?> ContextAsync(string pollId, string language, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken);
        return poll is null ? null : await ContextAsync(poll, language, cancellationToken);
    }

    public async Task<PollCardContext> ContextAsync(Poll poll, string language, CancellationToken cancellationToken)
    {
        var process = await processes.GetProcessAsync(poll.ProcessId, cancellationToken)
            ?? throw new InvalidOperationException($"Process {poll.ProcessId} of poll {poll.Id} is missing.");
        var catalogue = await processes.GetGoalsAsync(poll.ProcessId, cancellationToken)
            ?? throw new InvalidOperationException($"Goal catalogue of process {poll.ProcessId} is missing.");
        return new PollCardContext(poll, catalogue, process, language);
    }

    /// <summary>The card a person should see now: closed, their answers, or the questions.</summary>
    public async Task<AdaptiveCard> CurrentAsync(PollCardContext context, IReadOnlyList<Answer> mine, IReadOnlyList<string>? refreshUserIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var results = PollVisibility.RespondentsSeeResults(context.Poll, now)
            ? await service.ResultsAsync(context.Poll.Id, includeHiddenComments: false, cancellationToken)
            : null;
        if (context.Poll.IsClosedAt(now))
        {
            return PollCards.Closed(context, results);
        }
        return mine.Count > 0
            ? PollCards.Answered(context, mine, results, refreshUserIds)
            : PollCards.Questions(context, 1, [], [], refreshUserIds);
    }
}
