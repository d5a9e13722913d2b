using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Microsoft.Data.Sqlite;
using static Leitbild.Teams.App.Scheduling.LocalCalendar;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>
/// Interview campaigns in SQLite. The claim is one IMMEDIATE transaction: the first writer holds the database's write
/// lock, and the primary key on (calendar, cell) of scheduling_claims makes a second holder of any cell impossible,
/// across threads and processes alike.
/// </summary>
public sealed class SqliteInterviewStore(SqliteDatabase database) : IInterviewStore
{
    private const int ConstraintViolation = 19;

    public async Task CreateCampaignAsync(InterviewCampaign campaign, IReadOnlyList<Interview> interviews, IReadOnlyList<InterviewProposal> proposals, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO scheduling_campaigns(id, document, created_at) VALUES ($id, $doc, $at)", cancellationToken,
            ("$id", campaign.Id), ("$doc", StoredValues.ToJson(campaign)), ("$at", StoredValues.Instant(campaign.CreatedAt)));
        for (var i = 0; i < interviews.Count; i++)
        {
            var interview = interviews[i];
            await ExecuteAsync(connection, transaction, """
                INSERT INTO scheduling_interviews(id, campaign_id, position, interviewee_id, interviewee_email, status, updated_at)
                VALUES ($id, $c, $pos, $pid, $email, $status, $at)
                """, cancellationToken, ("$id", interview.Id), ("$c", campaign.Id), ("$pos", i), ("$pid", interview.IntervieweeId),
                ("$email", interview.IntervieweeEmail), ("$status", interview.Status.ToString()), ("$at", StoredValues.Instant(interview.UpdatedAt)));
        }
        await InsertProposalsAsync(connection, transaction, proposals, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<InterviewCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT document FROM scheduling_campaigns WHERE id = $id", cancellationToken, ("$id", campaignId)) is string json
            ? StoredValues.FromJson<InterviewCampaign>(json)
            : null;
    }

    public async Task<IReadOnlyList<InterviewCampaign>> ListCampaignsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM scheduling_campaigns ORDER BY created_at DESC, id";
        var campaigns = new List<InterviewCampaign>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            campaigns.Add(StoredValues.FromJson<InterviewCampaign>(reader.GetString(0)));
        }
        return campaigns;
    }

    public Task<IReadOnlyList<Interview>> ListInterviewsAsync(string campaignId, CancellationToken cancellationToken) =>
        ReadInterviewsAsync("WHERE campaign_id = $p ORDER BY position", campaignId, cancellationToken);

    public Task<IReadOnlyList<Interview>> ListInterviewsOfPersonAsync(string personId, CancellationToken cancellationToken) =>
        ReadInterviewsAsync("WHERE interviewee_id = $p ORDER BY updated_at DESC, id", personId, cancellationToken);

    public Task<IReadOnlyList<Interview>> ListPendingBookingsAsync(CancellationToken cancellationToken) =>
        ReadInterviewsAsync("WHERE status = $p ORDER BY updated_at", nameof(InterviewStatus.Booking), cancellationToken);

    public async Task<Interview?> GetInterviewAsync(string interviewId, CancellationToken cancellationToken) =>
        (await ReadInterviewsAsync("WHERE id = $p", interviewId, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<InterviewProposal>> ListProposalsAsync(string interviewId, CancellationToken cancellationToken) =>
        ReadProposalsAsync("WHERE interview_id = $p ORDER BY rank", interviewId, cancellationToken);

    public async Task<InterviewProposal?> GetProposalAsync(string proposalId, CancellationToken cancellationToken) =>
        (await ReadProposalsAsync("WHERE id = $p", proposalId, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyDictionary<SlotKey, string>> GetClaimOwnersAsync(IReadOnlyCollection<SlotKey> keys, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<SlotKey, string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in keys.Distinct())
        {
            if (await ScalarAsync(connection, null, "SELECT interview_id FROM scheduling_claims WHERE calendar_id = $c AND cell_start = $t", cancellationToken,
                ("$c", key.CalendarId), ("$t", StoredValues.Instant(key.CellStart))) is string owner)
            {
                owners[key] = owner;
            }
        }
        return owners;
    }

    public async Task<ClaimOutcome> TryClaimAsync(SlotClaim claim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the check and the writes below see no other writer.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var status = await ScalarAsync(connection, transaction, "SELECT status FROM scheduling_interviews WHERE id = $id", cancellationToken, ("$id", claim.InterviewId)) as string;
        await using var proposalCommand = connection.CreateCommand();
        proposalCommand.Transaction = transaction;
        proposalCommand.CommandText = "SELECT interview_id, status FROM scheduling_proposals WHERE id = $id";
        proposalCommand.Parameters.AddWithValue("$id", claim.ProposalId);
        string? proposalInterview = null, proposalStatus = null;
        await using (var reader = await proposalCommand.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                proposalInterview = reader.GetString(0);
                proposalStatus = reader.GetString(1);
            }
        }
        if (status is null || proposalInterview != claim.InterviewId)
        {
            return ClaimOutcome.NotFound;
        }
        if (status == nameof(InterviewStatus.Booking))
        {
            return ClaimOutcome.AlreadyBooking;
        }
        if (status is not (nameof(InterviewStatus.Proposed) or nameof(InterviewStatus.Booked)) || proposalStatus != nameof(ProposalStatus.Open))
        {
            return ClaimOutcome.ProposalNotOpen;
        }
        var at = StoredValues.Instant(claim.At);
        foreach (var key in claim.Keys)
        {
            try
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO scheduling_claims(calendar_id, cell_start, interview_id, claimed_at) VALUES ($c, $t, $i, $at)",
                    cancellationToken, ("$c", key.CalendarId), ("$t", StoredValues.Instant(key.CellStart)), ("$i", claim.InterviewId), ("$at", at));
            }
            catch (SqliteException e) when (e.SqliteErrorCode == ConstraintViolation)
            {
                // The cell is held. By this interview (its current slot overlaps the new one): fine. By another: taken.
                var owner = await ScalarAsync(connection, transaction, "SELECT interview_id FROM scheduling_claims WHERE calendar_id = $c AND cell_start = $t",
                    cancellationToken, ("$c", key.CalendarId), ("$t", StoredValues.Instant(key.CellStart))) as string;
                if (owner != claim.InterviewId)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return ClaimOutcome.SlotTaken;
                }
            }
        }
        await ExecuteAsync(connection, transaction, "UPDATE scheduling_interviews SET status = $s, pending_proposal_id = $p, updated_at = $at WHERE id = $id",
            cancellationToken, ("$s", nameof(InterviewStatus.Booking)), ("$p", claim.ProposalId), ("$at", at), ("$id", claim.InterviewId));
        await transaction.CommitAsync(cancellationToken);
        return ClaimOutcome.Claimed;
    }

    public async Task ConfirmBookingAsync(string interviewId, string proposalId, string eventId, string organizerEmail, IReadOnlyCollection<SlotKey> release, CancellationToken cancellationToken)
    {
        var proposal = await GetProposalAsync(proposalId, cancellationToken) ?? throw new KeyNotFoundException($"Proposal {proposalId} does not exist.");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ReleaseAsync(connection, transaction, interviewId, release, cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE scheduling_proposals SET status = CASE WHEN id = $p THEN 'Taken' ELSE 'Released' END
            WHERE interview_id = $i AND (status = 'Open' OR id = $p)
            """, cancellationToken, ("$p", proposalId), ("$i", interviewId));
        var slot = new InterviewSlot(proposal.Start, proposal.End, proposal.InterviewerEmails, proposal.RoomEmail);
        await ExecuteAsync(connection, transaction, """
            UPDATE scheduling_interviews SET status = 'Booked', pending_proposal_id = NULL, booked = $b, event_id = $e, organizer_email = $o
            WHERE id = $i
            """, cancellationToken, ("$b", StoredValues.ToJson(slot)), ("$e", eventId), ("$o", organizerEmail), ("$i", interviewId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AbandonClaimAsync(string interviewId, string proposalId, IReadOnlyCollection<SlotKey> release, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ReleaseAsync(connection, transaction, interviewId, release, cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE scheduling_interviews SET status = CASE WHEN booked IS NULL THEN 'Proposed' ELSE 'Booked' END, pending_proposal_id = NULL
            WHERE id = $i AND status = 'Booking' AND pending_proposal_id = $p
            """, cancellationToken, ("$i", interviewId), ("$p", proposalId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CancelAsync(string interviewId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var changed = await ExecuteAsync(connection, transaction, "UPDATE scheduling_interviews SET status = 'Cancelled', pending_proposal_id = NULL, updated_at = $at WHERE id = $i",
            cancellationToken, ("$i", interviewId), ("$at", StoredValues.Instant(at)));
        await ExecuteAsync(connection, transaction, "DELETE FROM scheduling_claims WHERE interview_id = $i", cancellationToken, ("$i", interviewId));
        await ExecuteAsync(connection, transaction, "UPDATE scheduling_proposals SET status = 'Released' WHERE interview_id = $i AND status = 'Open'", cancellationToken, ("$i", interviewId));
        await transaction.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task ReplaceOpenProposalsAsync(string interviewId, IReadOnlyList<InterviewProposal> proposals, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE scheduling_proposals SET status = 'Released' WHERE interview_id = $i AND status = 'Open'", cancellationToken, ("$i", interviewId));
        var rank = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(rank), 0) FROM scheduling_proposals WHERE interview_id = $i", cancellationToken, ("$i", interviewId)), System.Globalization.CultureInfo.InvariantCulture);
        // New proposals rank after every earlier one, so listing by rank shows the history in order.
        await InsertProposalsAsync(connection, transaction, proposals.Select(p => p with { Rank = p.Rank + rank }).ToList(), cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE scheduling_interviews SET status = CASE WHEN status = 'NoSlots' AND $n > 0 THEN 'Proposed' ELSE status END, updated_at = $at WHERE id = $i",
            cancellationToken, ("$i", interviewId), ("$n", proposals.Count), ("$at", StoredValues.Instant(at)));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ReleaseAsync(SqliteConnection connection, SqliteTransaction transaction, string interviewId, IReadOnlyCollection<SlotKey> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM scheduling_claims WHERE calendar_id = $c AND cell_start = $t AND interview_id = $i", cancellationToken,
                ("$c", key.CalendarId), ("$t", StoredValues.Instant(key.CellStart)), ("$i", interviewId));
        }
    }

    private static async Task InsertProposalsAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<InterviewProposal> proposals, CancellationToken cancellationToken)
    {
        foreach (var p in proposals)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO scheduling_proposals(id, interview_id, start_utc, end_utc, interviewers, room_email, rank, status)
                VALUES ($id, $i, $s, $e, $who, $room, $rank, $status)
                """, cancellationToken, ("$id", p.Id), ("$i", p.InterviewId), ("$s", StoredValues.Instant(p.Start)), ("$e", StoredValues.Instant(p.End)),
                ("$who", StoredValues.ToJson(p.InterviewerEmails)), ("$room", p.RoomEmail), ("$rank", p.Rank), ("$status", p.Status.ToString()));
        }
    }

    private async Task<IReadOnlyList<Interview>> ReadInterviewsAsync(string where, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, campaign_id, interviewee_id, interviewee_email, status, booked, pending_proposal_id, event_id, organizer_email, updated_at
            FROM scheduling_interviews {where}
            """;
        command.Parameters.AddWithValue("$p", parameter);
        var interviews = new List<Interview>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            interviews.Add(new Interview
            {
                Id = reader.GetString(0),
                CampaignId = reader.GetString(1),
                IntervieweeId = reader.GetString(2),
                IntervieweeEmail = reader.GetString(3),
                Status = Enum.Parse<InterviewStatus>(reader.GetString(4)),
                Booked = reader.IsDBNull(5) ? null : StoredValues.FromJson<InterviewSlot>(reader.GetString(5)),
                PendingProposalId = reader.IsDBNull(6) ? null : reader.GetString(6),
                EventId = reader.IsDBNull(7) ? null : reader.GetString(7),
                OrganizerEmail = reader.IsDBNull(8) ? null : reader.GetString(8),
                UpdatedAt = StoredValues.Instant(reader.GetString(9)),
            });
        }
        return interviews;
    }

    private async Task<IReadOnlyList<InterviewProposal>> ReadProposalsAsync(string where, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, interview_id, start_utc, end_utc, interviewers, room_email, rank, status FROM scheduling_proposals {where}";
        command.Parameters.AddWithValue("$p", parameter);
        var proposals = new List<InterviewProposal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            proposals.Add(new InterviewProposal
            {
                Id = reader.GetString(0),
                InterviewId = reader.GetString(1),
                Start = StoredValues.Instant(reader.GetString(2)),
                End = StoredValues.Instant(reader.GetString(3)),
                InterviewerEmails = StoredValues.FromJson<List<string>>(reader.GetString(4)),
                RoomEmail = reader.IsDBNull(5) ? null : reader.GetString(5),
                Rank = reader.GetInt32(6),
                Status = Enum.Parse<ProposalStatus>(reader.GetString(7)),
            });
        }
        return proposals;
    }
}
