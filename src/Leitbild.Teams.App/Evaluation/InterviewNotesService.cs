using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.ResultsStorage;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Evaluation;

/// <summary>Who is writing notes: interviewers write for their own interviews; organizers who are not guests for any.</summary>
public sealed record NotesActor(string PersonId, bool IsOrganizer, bool IsGuest);

/// <summary>A statement as the interviewer enters it.</summary>
public sealed record StatementDraft(string? Text, string? FieldOfActionId, string? GoalId, StatementSentiment Sentiment, StatementConsent Consent);

/// <summary>A booked interview the actor may write notes for. The interviewee's name is shown to the interviewer only.</summary>
public sealed record NotableInterview(string InterviewId, string IntervieweeName, DateTimeOffset Start, DateTimeOffset End, int Statements);

/// <summary>A recorded statement as its interviewer sees it. <see cref="Text"/> is null while the outbox has not delivered it yet.</summary>
public sealed record RecordedStatement(string StatementId, string? Text, string FieldOfActionId, string? GoalId, StatementSentiment Sentiment, StatementConsent Consent, string? NamedAs, DateTimeOffset RecordedAt);

public enum NotesAccess
{
    Allowed,
    NotFound,
    NotAllowed,
    /// <summary>Notes are for interviews that took place (booked), not proposed or cancelled ones.</summary>
    NotBooked,
}

/// <summary>
/// Interview notes: after a booked interview the interviewer records key statements. Each becomes an answer in the
/// results store (same outbox, channel Interview, a text value, an anonymous respondent key, no department), and its
/// sentiment and consent go into the notes table by answer key. The tab calls this; the bot's notes card will too.
/// </summary>
public sealed class InterviewNotesService(
    IInterviewStore interviews,
    IDirectory directory,
    IProcessStore processes,
    SqliteInterviewNotesStore notes,
    IResultsOutbox outbox,
    IResultsStore results,
    RespondentKeyFactory keys,
    IOptions<LeitbildOptions> options,
    TimeProvider time)
{
    /// <summary>The text a withdrawn statement is replaced with in the results store, so its words do not stay there.</summary>
    public const string WithdrawnText = "(zurückgezogen / withdrawn)";

    public async Task<IReadOnlyList<NotableInterview>> ListInterviewsAsync(NotesActor actor, CancellationToken cancellationToken)
    {
        var email = (await directory.FindPersonAsync(actor.PersonId, cancellationToken))?.Email;
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

    public async Task<NotesAccess> CheckAccessAsync(string interviewId, NotesActor actor, CancellationToken cancellationToken) =>
        (await LoadAsync(interviewId, actor, cancellationToken)).Access;

    public async Task<IReadOnlyList<RecordedStatement>> ListStatementsAsync(string interviewId, CancellationToken cancellationToken)
    {
        var stored = (await notes.ListAsync(interviewId, includeWithdrawn: false, cancellationToken)).ToList();
        var texts = await TextsAsync(cancellationToken);
        return stored.Select(n => new RecordedStatement(n.StatementId, texts.GetValueOrDefault(n.AnswerKey), n.FieldOfActionId, n.GoalId, n.Sentiment, n.Consent, n.NamedAs, n.RecordedAt)).ToList();
    }

    /// <summary>Validates and records one statement; throws <see cref="EvaluationException"/> with nothing stored.</summary>
    public async Task<RecordedStatement> RecordAsync(string interviewId, StatementDraft draft, NotesActor actor, CancellationToken cancellationToken)
    {
        var (access, interview) = await LoadAsync(interviewId, actor, cancellationToken);
        if (access != NotesAccess.Allowed)
        {
            throw new NotesAccessException(access);
        }
        var process = (await processes.ListProcessesAsync(cancellationToken)).FirstOrDefault()
            ?? throw new InvalidOperationException("No process is stored.");
        var goals = await processes.GetGoalsAsync(process.Id, cancellationToken) ?? throw new InvalidOperationException("The process has no goals.");
        var problems = InterviewStatementRules.Problems(goals, draft.FieldOfActionId, draft.GoalId, draft.Text).ToList();
        if (!Enum.IsDefined(draft.Sentiment))
        {
            problems.Add(new("sentiment", new("Unbekannte Einordnung.", "Unknown sentiment.")));
        }
        if (!Enum.IsDefined(draft.Consent))
        {
            problems.Add(new("consent", new("Unbekannte Zustimmung.", "Unknown consent.")));
        }
        var slot = interview!.Booked!;
        var phase = InterviewStatementRules.PhaseFor(process, BerlinTime.LocalDate(slot.Start));
        if (phase is null)
        {
            problems.Add(new("interviewId", new("Der Prozess hat keinen Baustein „Interviews“.", "The process has no interviews phase.")));
        }
        if (problems.Count > 0)
        {
            throw new EvaluationException(problems);
        }

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
            RespondentKey = await keys.ForAsync(anonymousPoll: true, TenantId, interview.IntervieweeId, InterviewStatementRules.PollId, cancellationToken),
            AnsweredAt = now,
            PhaseId = phase!.Id,
            Channel = AnswerChannel.Interview,
            AppVersion = Hosting.GraphClientFactory.AppVersion,
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
        // The answer is checked before anything is written, so a refusal leaves neither table touched. The note goes
        // first: should the process die before the enqueue, an orphan note is ignored (no answer to join), and the
        // interviewer, seeing no statement, records it again.
        AnswerValidator.ThrowIfInvalid(answer, now);
        var division = interviewee?.OfficeId is { } o ? organisation.DivisionOf(o)?.Id : null;
        await notes.SaveAsync(new NotedInterview(interview.Id, phase.Id, division), note, cancellationToken);
        await outbox.EnqueueAsync(answer, cancellationToken);
        return new RecordedStatement(statementId, answer.Value.Text, note.FieldOfActionId, goalId, note.Sentiment, note.Consent, note.NamedAs, now);
    }

    /// <summary>Withdraws a statement: it leaves the evaluation, and its text in the results store is overwritten.</summary>
    public async Task<bool> WithdrawAsync(string interviewId, string statementId, NotesActor actor, CancellationToken cancellationToken)
    {
        var (access, _) = await LoadAsync(interviewId, actor, cancellationToken);
        if (access != NotesAccess.Allowed)
        {
            throw new NotesAccessException(access);
        }
        var note = (await notes.ListAsync(interviewId, includeWithdrawn: false, cancellationToken)).FirstOrDefault(n => n.StatementId == statementId);
        if (note is null)
        {
            return false;
        }
        var stored = (await AnswerReader.ReadAllAsync(results, new AnswerQuery { PollId = InterviewStatementRules.PollId, GoalId = note.GoalId ?? InterviewStatementRules.NoGoalId }, cancellationToken))
            .FirstOrDefault(a => a.Key == note.AnswerKey);
        var now = time.GetUtcNow();
        if (stored is not null)
        {
            await outbox.EnqueueAsync(stored with { Value = AnswerValue.OfText(WithdrawnText), AnsweredAt = now }, cancellationToken);
        }
        return await notes.WithdrawAsync(statementId, now, cancellationToken);
    }

    private string TenantId => options.Value.Microsoft365.TenantId ?? "local";

    private async Task<Dictionary<string, string>> TextsAsync(CancellationToken cancellationToken) =>
        (await AnswerReader.ReadAllAsync(results, new AnswerQuery { PollId = InterviewStatementRules.PollId }, cancellationToken))
            .Where(a => a.Value.Text is not null)
            .ToDictionary(a => a.Key, a => a.Value.Text!, StringComparer.Ordinal);

    private async Task<(NotesAccess Access, Interview? Interview)> LoadAsync(string interviewId, NotesActor actor, CancellationToken cancellationToken)
    {
        var interview = await interviews.GetInterviewAsync(interviewId, cancellationToken);
        if (interview is null)
        {
            return (NotesAccess.NotFound, null);
        }
        if (interview.Booked is not { } slot)
        {
            return (NotesAccess.NotBooked, interview);
        }
        var email = (await directory.FindPersonAsync(actor.PersonId, cancellationToken))?.Email;
        if (!MayWrite(actor, email, slot))
        {
            return (NotesAccess.NotAllowed, interview);
        }
        return (interview.Status == InterviewStatus.Booked ? NotesAccess.Allowed : NotesAccess.NotBooked, interview);
    }

    /// <summary>Interviewers (guests too: they sat in the interview); other organizers only if they are not guests.</summary>
    private static bool MayWrite(NotesActor actor, string? email, InterviewSlot slot) =>
        (email is not null && slot.InterviewerEmails.Contains(email, StringComparer.OrdinalIgnoreCase)) || (actor.IsOrganizer && !actor.IsGuest);
}

/// <summary>The actor may not write notes for this interview, or it does not exist or was not booked.</summary>
public sealed class NotesAccessException(NotesAccess access) : Exception($"Interview notes: {access}")
{
    public NotesAccess Access { get; } = access;
}
