using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Problems;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;

namespace Leitbild.Teams.Core.Evaluation;

// A statement as the interviewer enters it.
public sealed record StatementDraft(string? Text, string? FieldOfActionId, string? GoalId, StatementSentiment Sentiment, StatementConsent Consent);

// A booked interview the actor may write notes for. The interviewee's name is shown to the interviewer only.
public sealed record NotableInterview(string InterviewId, string IntervieweeName, DateTimeOffset Start, DateTimeOffset End, int Statements);

// A recorded statement as its interviewer sees it. Text is null while the outbox has not delivered it yet.
public sealed record RecordedStatement(string StatementId, string? Text, string FieldOfActionId, string? GoalId, StatementSentiment Sentiment, StatementConsent Consent, string? NamedAs, DateTimeOffset RecordedAt);

// What the installation gives the notes service: its tenant (part of the anonymous key), the app version stamped on
// each answer, and the text a withdrawn statement's answer is overwritten with (from the texts files).
public sealed record InterviewNotesSettings(string TenantId, string AppVersion, string WithdrawnText);

// Interview notes: after a booked interview the interviewer records key statements. Each becomes an answer in the
// results store (same outbox, channel Interview, a text value, an anonymous respondent key, no department), and its
// sentiment and consent go into the notes store by answer key. The tab and the bot's notes card call this.
// Who may write: the interview's interviewers (guests too: they sat in the interview) and organizers who are not guests.
public sealed class InterviewNotesService(
    IInterviewStore interviews,
    IDirectory directory,
    IProcessStore processes,
    IInterviewNotesStore notes,
    IResultsOutbox outbox,
    IResultsStore results,
    IRespondentKeySource keys,
    InterviewNotesSettings settings,
    TimeProvider time)
{
    public async Task<IReadOnlyList<NotableInterview>> ListInterviewsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var email = await EmailAsync(actor, cancellationToken);
        var counts = (await notes.ListAsync(null, includeWithdrawn: false, cancellationToken)).GroupBy(n => n.InterviewId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var list = new List<NotableInterview>();
        foreach (var campaign in await interviews.ListCampaignsAsync(cancellationToken))
        {
            foreach (var interview in await interviews.ListInterviewsAsync(campaign.Id, cancellationToken))
            {
                if (interview.Status != InterviewStatus.Booked || interview.Booked is not { } slot || !MayWrite(actor, email, slot))
                {
                    continue;
                }
                var name = (await directory.FindPersonAsync(interview.IntervieweeId, cancellationToken))?.DisplayName ?? interview.IntervieweeEmail;
                list.Add(new NotableInterview(interview.Id, name, slot.Start, slot.End, counts.GetValueOrDefault(interview.Id)));
            }
        }
        return list.OrderBy(i => i.Start).ThenBy(i => i.InterviewId, StringComparer.Ordinal).ToList();
    }

    // The statements of an interview the actor may write notes for.
    public async Task<IReadOnlyList<RecordedStatement>> ListStatementsAsync(string interviewId, Actor actor, CancellationToken cancellationToken)
    {
        await RequireWritableAsync(interviewId, actor, cancellationToken);
        var stored = await notes.ListAsync(interviewId, includeWithdrawn: false, cancellationToken);
        var texts = await TextsAsync(cancellationToken);
        return stored.Select(n => new RecordedStatement(n.StatementId, texts.GetValueOrDefault(n.AnswerKey), n.FieldOfActionId, n.GoalId, n.Sentiment, n.Consent, n.NamedAs, n.RecordedAt)).ToList();
    }

    // Checks and records one statement; a ProblemException names every problem, with nothing stored.
    public async Task<RecordedStatement> RecordAsync(string interviewId, StatementDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var interview = await RequireWritableAsync(interviewId, actor, cancellationToken);
        var process = await processes.RequireRunningAsync(time, cancellationToken);
        var goals = await processes.GetGoalsAsync(process.Id, cancellationToken) ?? throw new InvalidOperationException("The process has no goals.");
        var problems = InterviewStatementRules.Problems(goals, draft.FieldOfActionId, draft.GoalId, draft.Text).ToList();
        if (!Enum.IsDefined(draft.Sentiment))
        {
            problems.Add(Problem.Of("sentiment", "notes.sentimentUnknown"));
        }
        if (!Enum.IsDefined(draft.Consent))
        {
            problems.Add(Problem.Of("consent", "notes.consentUnknown"));
        }
        var slot = interview.Booked!;
        var phase = InterviewStatementRules.PhaseFor(process, BerlinTime.LocalDate(slot.Start));
        if (phase is null)
        {
            problems.Add(Problem.Of("interviewId", "notes.noInterviewPhase"));
        }
        ProblemException.ThrowIfAny(problems);

        var interviewee = await directory.FindPersonAsync(interview.IntervieweeId, cancellationToken);
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var office = interviewee?.OfficeId is { } officeId ? organisation.FindOffice(officeId) : null;
        var now = time.GetUtcNow();
        var statementId = "s" + Guid.NewGuid().ToString("N");
        var goalId = string.IsNullOrEmpty(draft.GoalId) ? null : draft.GoalId;
        var answer = new Answer
        {
            PollId = InterviewStatementRules.PollId,
            QuestionId = statementId,
            GoalId = goalId ?? InterviewStatementRules.NoGoalId,
            FieldOfActionId = draft.FieldOfActionId!,
            Value = AnswerValue.OfText(draft.Text!.Trim()),
            // No department: a statement's office could name the person in a small office.
            DepartmentId = null,
            RespondentKey = await keys.ForAsync(anonymousPoll: true, settings.TenantId, interview.IntervieweeId, InterviewStatementRules.PollId, cancellationToken),
            AnsweredAt = now,
            PhaseId = phase!.Id,
            Channel = AnswerChannel.Interview,
            AppVersion = settings.AppVersion,
        };
        var note = new StatementNote
        {
            AnswerKey = answer.Key,
            StatementId = statementId,
            InterviewId = interview.Id,
            FieldOfActionId = answer.FieldOfActionId,
            GoalId = goalId,
            Sentiment = draft.Sentiment,
            Consent = draft.Consent,
            NamedAs = draft.Consent == StatementConsent.QuoteWithName && interviewee is not null
                ? office is null ? interviewee.DisplayName : $"{interviewee.DisplayName} ({office.Code})"
                : null,
            RecordedBy = actor.PersonId,
            RecordedAt = now,
        };
        // The answer is checked before anything is written, so a refusal leaves neither store touched. The note goes
        // first: should the process die before the enqueue, an orphan note is ignored (no answer to join), and the
        // interviewer, seeing no statement, records it again.
        AnswerValidator.ThrowIfInvalid(answer, now);
        var division = interviewee?.OfficeId is { } o ? organisation.DivisionOf(o)?.Id : null;
        await notes.SaveAsync(new NotedInterview(interview.Id, phase.Id, division), note, cancellationToken);
        await outbox.EnqueueAsync(answer, cancellationToken);
        return new RecordedStatement(statementId, answer.Value.Text, note.FieldOfActionId, goalId, note.Sentiment, note.Consent, note.NamedAs, now);
    }

    // Withdraws a statement: it leaves the evaluation, and its text in the results store is overwritten.
    public async Task WithdrawAsync(string interviewId, string statementId, Actor actor, CancellationToken cancellationToken)
    {
        await RequireWritableAsync(interviewId, actor, cancellationToken);
        var note = (await notes.ListAsync(interviewId, includeWithdrawn: false, cancellationToken)).FirstOrDefault(n => n.StatementId == statementId)
            ?? throw StatementNotFound(statementId);
        var stored = (await AnswerReader.ReadAllAsync(results, new AnswerQuery { PollId = InterviewStatementRules.PollId, GoalId = note.GoalId ?? InterviewStatementRules.NoGoalId }, cancellationToken))
            .FirstOrDefault(a => a.Key == note.AnswerKey);
        var now = time.GetUtcNow();
        if (stored is not null)
        {
            await outbox.EnqueueAsync(stored with { Value = AnswerValue.OfText(settings.WithdrawnText), AnsweredAt = now }, cancellationToken);
        }
        if (!await notes.WithdrawAsync(statementId, now, cancellationToken))
        {
            throw StatementNotFound(statementId);
        }
    }

    private static ProblemException StatementNotFound(string statementId) => ProblemException.NotFound("statementId", "notes.statementNotFound", statementId);

    private async Task<Dictionary<string, string>> TextsAsync(CancellationToken cancellationToken) =>
        (await AnswerReader.ReadAllAsync(results, new AnswerQuery { PollId = InterviewStatementRules.PollId }, cancellationToken))
            .Where(a => a.Value.Text is not null)
            .ToDictionary(a => a.Key, a => a.Value.Text!, StringComparer.Ordinal);

    // Notes are for interviews that took place (booked), not proposed or cancelled ones, and only for those who may write them.
    private async Task<Interview> RequireWritableAsync(string interviewId, Actor actor, CancellationToken cancellationToken)
    {
        var interview = await interviews.GetInterviewAsync(interviewId, cancellationToken)
            ?? throw ProblemException.NotFound("interviewId", "notes.interviewNotFound", interviewId);
        if (interview.Booked is not { } slot)
        {
            throw ProblemException.Conflict("interviewId", "notes.interviewNotBooked", interviewId);
        }
        if (!MayWrite(actor, await EmailAsync(actor, cancellationToken), slot))
        {
            throw ProblemException.Forbidden("interviewId", "notes.notYourInterview", interviewId);
        }
        if (interview.Status != InterviewStatus.Booked)
        {
            throw ProblemException.Conflict("interviewId", "notes.interviewNotBooked", interviewId);
        }
        return interview;
    }

    private async Task<string?> EmailAsync(Actor actor, CancellationToken cancellationToken) =>
        (await directory.FindPersonAsync(actor.PersonId, cancellationToken))?.Email;

    // Interviewers (guests too: they sat in the interview); other organizers only if they are not guests.
    private static bool MayWrite(Actor actor, string? email, InterviewSlot slot) =>
        (email is not null && slot.InterviewerEmails.Contains(email, StringComparer.OrdinalIgnoreCase)) || actor.IsMemberOrganizer;
}
