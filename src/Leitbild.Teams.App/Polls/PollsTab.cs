using Leitbild.Teams.App.Tab;
using Leitbild.Teams.App.Tab.Auth;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Polls;

/// <summary>
/// The open polls addressed to a person that they have not answered yet. "Answered" comes from the participation
/// set (kept apart from the answers), so this works for anonymous polls without linking an answer to anyone.
/// </summary>
public sealed class MyOpenPolls(IPollStore polls, IDirectory directory, TimeProvider time)
{
    public async Task<IReadOnlyList<Poll>> ForAsync(string personId, CancellationToken cancellationToken)
    {
        var person = await directory.FindPersonAsync(personId, cancellationToken);
        if (person is null)
        {
            return [];
        }
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var now = time.GetUtcNow();
        var open = new List<Poll>();
        foreach (var poll in await polls.ListAsync(cancellationToken))
        {
            // Chats and channels: the tab does not know which chats a person is in; the card in the chat is their way in.
            if (!poll.IsOpenAt(now) || !PollAudienceRules.Includes(poll, person, conversationId: null, organisation))
            {
                continue;
            }
            if (!(await polls.ListParticipantsAsync(poll.Id, cancellationToken)).Contains(person.Id))
            {
                open.Add(poll);
            }
        }
        return open;
    }

    public static TabItem Item(Poll poll, string language) =>
        new(poll.Id, poll.Title.In(language), null, poll.OpenedAt, poll.Settings.Deadline, null);
}

/// <summary>"Meine offenen Umfragen" on Mein Leitbild.</summary>
public sealed class MyOpenPollsSource(MyOpenPolls myOpenPolls) : IMyItemsSource
{
    public string Kind => TabItemKinds.Polls;

    public async Task<IReadOnlyList<TabItem>> ForPersonAsync(TabUser user, string language, CancellationToken cancellationToken) =>
        [.. (await myOpenPolls.ForAsync(user.Id, cancellationToken)).Select(p => MyOpenPolls.Item(p, language))];
}

/// <summary>"Umfragen" per phase on the Process page. Staff see sent polls only; drafts are the planning office's work.</summary>
public sealed class PhasePollsSource(IPollStore polls) : IPhaseItemsSource
{
    public string Kind => TabItemKinds.Polls;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TabItem>>> ForProcessAsync(string processId, TabUser user, string language, CancellationToken cancellationToken)
    {
        var all = await polls.ListAsync(cancellationToken);
        return all
            .Where(p => p.ProcessId == processId && (user.CanReview || p.Status != PollStatus.Draft))
            .OrderBy(p => p.CreatedAt)
            .GroupBy(p => p.PhaseId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<TabItem>)[.. g.Select(p => new TabItem(
                    p.Id, p.Title.In(language), Localization.Texts.Get($"polls.status.{p.Status.ToString().ToLowerInvariant()}", language),
                    p.OpenedAt, p.Settings.Deadline, user.CanReview ? "/tab/dashboard/umfragen?poll=" + Uri.EscapeDataString(p.Id) : null))],
                StringComparer.Ordinal);
    }
}

public static class PollsTab
{
    /// <summary>The polls API's services and the tab's extension points for polls.</summary>
    public static IServiceCollection AddPollsTab(this IServiceCollection services)
    {
        services.AddSingleton<MyOpenPolls>();
        services.AddSingleton<IMyItemsSource, MyOpenPollsSource>();
        services.AddSingleton<IPhaseItemsSource, PhasePollsSource>();
        services.AddSingleton(new TabSectionModule(TabSections.Polls, "/tab/js/features/polls.js"));
        return services;
    }
}
