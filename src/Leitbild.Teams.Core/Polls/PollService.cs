using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Polls;

/// <summary>What happened to a card page: stored (with the person's answers now), or refused with reasons.</summary>
public sealed record AnswerOutcome(bool Accepted, IReadOnlyList<Answer> MyAnswers, IReadOnlyList<PollProblem> Problems, Poll? Poll)
{
    public static AnswerOutcome Refused(Poll? poll, params PollProblem[] problems) => new(false, [], problems, poll);
}

/// <summary>A new poll as an organizer asks for it; ids, status and times are filled in by <see cref="PollService.CreateAsync"/>.</summary>
public sealed record PollDraft
{
    public required string PhaseId { get; init; }
    public required LocalizedText Title { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
    public required PollSettings Settings { get; init; }
    public required PollAudience Audience { get; init; }
}

/// <summary>
/// The rules of a poll's life: create (validated against the catalogue), open, answer (validated, then committed to
/// the outbox before anyone is told "saved"), change, close by hand or at the deadline, remind, tally.
/// Sending cards is the delivery's job (App), which calls this service.
/// </summary>
public sealed class PollService(
    IPollStore polls,
    IProcessStore processes,
    IDirectory directory,
    IResultsOutbox outbox,
    IPollAnswerView answers,
    IRespondentKeySource respondentKeys,
    SummaryRulesSource summaryRules,
    ISummaryRefresh summaryRefresh,
    TimeProvider time,
    string appVersion)
{
    public async Task<Poll> CreateAsync(PollDraft draft, string organizerId, CancellationToken cancellationToken)
    {
        var (poll, problems) = await CheckDraftAsync(draft, organizerId, cancellationToken);
        if (poll is null || problems.Count > 0)
        {
            throw new PollDefinitionException(problems);
        }
        poll = poll with { Id = NewId() };
        await polls.CreateAsync(poll, cancellationToken);
        return poll;
    }

    /// <summary>
    /// The draft as an unsaved poll of the running process (id "preview") and everything the rules find wrong with it:
    /// the one check behind creating a poll and previewing its card, so a preview never shows a poll that could not be created.
    /// </summary>
    public async Task<(Poll? Poll, IReadOnlyList<PollProblem> Problems)> CheckDraftAsync(PollDraft draft, string organizerId, CancellationToken cancellationToken)
    {
        var process = await processes.GetRunningAsync(time, cancellationToken);
        if (process is null)
        {
            return (null, [new("process", "Es gibt keinen Leitbildprozess.", "There is no vision process.")]);
        }
        var catalogue = await processes.GetGoalsAsync(process.Id, cancellationToken);
        if (catalogue is null)
        {
            return (null, [new("goals", "Der Zielkatalog fehlt.", "The goal catalogue is missing.")]);
        }
        var now = time.GetUtcNow();
        var poll = new Poll
        {
            Id = "preview",
            ProcessId = process.Id,
            PhaseId = draft.PhaseId,
            Title = draft.Title,
            Questions = draft.Questions,
            Settings = draft.Settings,
            Audience = draft.Audience,
            Status = PollStatus.Draft,
            CreatedBy = organizerId,
            CreatedAt = now,
        };
        var problems = PollDefinitionRules.Check(poll, process, catalogue).ToList();
        if (draft.Settings.Deadline is { } deadline && deadline <= now)
        {
            problems.Add(new("settings.deadline", "Die Frist liegt in der Vergangenheit.", "The deadline is in the past."));
        }
        return (poll, problems);
    }

    /// <summary>Draft → open. False when the poll was not a draft (already opened by someone else, or closed).</summary>
    public Task<bool> OpenAsync(string pollId, CancellationToken cancellationToken) =>
        polls.ChangeStatusAsync(pollId, PollStatus.Draft, PollStatus.Open, time.GetUtcNow(), cancellationToken);

    /// <summary>Open → closed. False when it was not open.</summary>
    public Task<bool> CloseAsync(string pollId, CancellationToken cancellationToken) =>
        polls.ChangeStatusAsync(pollId, PollStatus.Open, PollStatus.Closed, time.GetUtcNow(), cancellationToken);

    public async Task<AnswerOutcome> AnswerAsync(
        string pollId,
        IReadOnlyCollection<string> questionIdsOnPage,
        IReadOnlyDictionary<string, string?> inputs,
        string personId,
        string tenantId,
        string? conversationId,
        AnswerChannel channel,
        CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return AnswerOutcome.Refused(null, new PollProblem("poll", "Diese Umfrage gibt es nicht.", "This poll does not exist."));
        }
        var person = await directory.FindPersonAsync(personId, cancellationToken);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        if (person is null || !PollAudienceRules.Includes(poll, person, conversationId, organisation))
        {
            return AnswerOutcome.Refused(poll, new PollProblem("audience", "Diese Umfrage richtet sich nicht an Sie.", "This poll is not addressed to you."));
        }
        var catalogue = await processes.GetGoalsAsync(poll.ProcessId, cancellationToken);
        if (catalogue is null)
        {
            return AnswerOutcome.Refused(poll, new PollProblem("goals", "Der Zielkatalog fehlt.", "The goal catalogue is missing."));
        }
        var key = await respondentKeys.ForAsync(poll.Settings.Anonymous, tenantId, person.Id, poll.Id, cancellationToken);
        var current = await answers.ForRespondentAsync(poll.Id, key, cancellationToken);
        var submission = PollSubmission.Read(poll, catalogue, questionIdsOnPage, inputs, new Respondent(key, poll.Settings.RecordsOffice() ? person.OfficeId : null) { CurrentAnswers = current },
            channel, appVersion, time.GetUtcNow());
        if (!submission.IsValid)
        {
            return AnswerOutcome.Refused(poll, [.. submission.Problems]);
        }
        try
        {
            // Durable first: only after this commit may the person read "saved".
            await outbox.EnqueueManyAsync(submission.Answers, cancellationToken);
        }
        catch (AnswerValidationException e)
        {
            return AnswerOutcome.Refused(poll, [.. e.Errors.Select(x => new PollProblem(x.Field, x.German, x.English))]);
        }
        await answers.SaveAsync(submission.Answers, cancellationToken);
        await polls.RecordParticipationAsync(poll.Id, person.Id, cancellationToken);
        return new AnswerOutcome(true, Shown(await answers.ForRespondentAsync(poll.Id, key, cancellationToken)), [], poll);
    }

    /// <summary>The person's current answers (empty when they have not answered).</summary>
    public async Task<IReadOnlyList<Answer>> MyAnswersAsync(Poll poll, string personId, string tenantId, CancellationToken cancellationToken)
    {
        var key = await respondentKeys.ForAsync(poll.Settings.Anonymous, tenantId, personId, poll.Id, cancellationToken);
        return Shown(await answers.ForRespondentAsync(poll.Id, key, cancellationToken));
    }

    /// <summary>"Your answer" leaves out ranks and comments the person took back.</summary>
    private static IReadOnlyList<Answer> Shown(IReadOnlyList<Answer> current) => current.Where(a => !a.Value.IsWithdrawn).ToList();

    /// <summary>Closes every open poll whose deadline has passed; returns the ids it closed.</summary>
    public async Task<IReadOnlyList<string>> CloseOverdueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closed = new List<string>();
        foreach (var poll in await polls.ListAsync(cancellationToken))
        {
            if (poll.Status == PollStatus.Open && poll.IsClosedAt(now) && await CloseAsync(poll.Id, cancellationToken))
            {
                closed.Add(poll.Id);
            }
        }
        return closed;
    }

    /// <summary>The people asked who have not answered yet (known from participation, never from the answers).</summary>
    public async Task<IReadOnlyList<string>> NotYetAnsweredAsync(string pollId, IReadOnlyCollection<string> askedPersonIds, CancellationToken cancellationToken)
    {
        var participants = await polls.ListParticipantsAsync(pollId, cancellationToken);
        return askedPersonIds.Where(id => !participants.Contains(id)).ToList();
    }

    public async Task<PollResults?> ResultsAsync(string pollId, bool includeHiddenComments, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return null;
        }
        var all = await answers.ForPollAsync(pollId, cancellationToken);
        var moderation = await polls.GetModerationAsync(pollId, cancellationToken);
        return PollTally.Compute(poll, all, moderation, await summaryRules.CurrentAsync(cancellationToken), includeHiddenComments,
            await respondentKeys.CommentIdsAsync(cancellationToken));
    }

    public async Task<bool> ModerateCommentAsync(string pollId, string commentId, bool hidden, string reason, string organizerId, CancellationToken cancellationToken)
    {
        if (hidden && string.IsNullOrWhiteSpace(reason))
        {
            throw new PollDefinitionException([new("reason", "Bitte einen Grund angeben.", "Please give a reason.")]);
        }
        var results = await ResultsAsync(pollId, includeHiddenComments: true, cancellationToken);
        var comment = results?.Questions.SelectMany(q => q.Comments).FirstOrDefault(c => c.Id == commentId);
        if (comment is null)
        {
            return false;
        }
        await polls.SaveModerationAsync(pollId, new CommentModeration(commentId, hidden, reason.Trim(), organizerId, time.GetUtcNow()), cancellationToken);
        // Readers that compute when read follow at once; the SharePoint summary list is a stored copy and must be redone.
        summaryRefresh.Request([comment.GoalId]);
        return true;
    }

    private static string NewId() => "p" + Guid.NewGuid().ToString("N")[..12];
}
