using Leitbild.Teams.App.Storage;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.Data.Sqlite;
using static Leitbild.Teams.App.Scheduling.LocalCalendar;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>Workshops and slot votes in SQLite. The status columns are the truth (documents carry the rest);
/// every move is an UPDATE … WHERE status = expected, so two deciders cannot both win.</summary>
public sealed class SqliteWorkshopStore(SqliteDatabase database) : IWorkshopStore
{
    public async Task CreateWorkshopAsync(Workshop workshop, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var at = StoredValues.Instant(workshop.CreatedAt);
        await ExecuteAsync(connection, null, "INSERT INTO scheduling_workshops(id, document, status, created_at, updated_at) VALUES ($id, $doc, $s, $at, $at)",
            cancellationToken, ("$id", workshop.Id), ("$doc", StoredValues.ToJson(workshop)), ("$s", workshop.Status.ToString()), ("$at", at));
    }

    public async Task<Workshop?> GetWorkshopAsync(string workshopId, CancellationToken cancellationToken) =>
        (await ReadWorkshopsAsync("WHERE id = $id", workshopId, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Workshop>> ListWorkshopsAsync(CancellationToken cancellationToken) =>
        ReadWorkshopsAsync("ORDER BY created_at DESC, id", null, cancellationToken);

    public async Task<bool> TryMoveAsync(string workshopId, WorkshopStatus from, WorkshopStatus to, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "UPDATE scheduling_workshops SET status = $to, updated_at = $at WHERE id = $id AND status = $from", cancellationToken,
            ("$to", to.ToString()), ("$from", from.ToString()), ("$at", StoredValues.Instant(at)), ("$id", workshopId)) == 1;
    }

    public async Task CompleteBookingAsync(string workshopId, DateTimeOffset start, DateTimeOffset end, string? roomEmail, string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var json = await ScalarAsync(connection, transaction, "SELECT document FROM scheduling_workshops WHERE id = $id", cancellationToken, ("$id", workshopId)) as string
            ?? throw new KeyNotFoundException($"Workshop {workshopId} does not exist.");
        var workshop = StoredValues.FromJson<Workshop>(json) with { Status = WorkshopStatus.Booked, Start = start, End = end, RoomEmail = roomEmail, EventId = eventId };
        await ExecuteAsync(connection, transaction, "UPDATE scheduling_workshops SET document = $doc, status = 'Booked', updated_at = $at WHERE id = $id AND status = 'Booking'",
            cancellationToken, ("$doc", StoredValues.ToJson(workshop)), ("$at", StoredValues.Instant(at)), ("$id", workshopId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> TryStartVoteAsync(SlotVote vote, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var moved = await ExecuteAsync(connection, transaction, "UPDATE scheduling_workshops SET status = 'Voting', updated_at = $at WHERE id = $id AND status = 'Planning'",
            cancellationToken, ("$id", vote.WorkshopId), ("$at", StoredValues.Instant(vote.CreatedAt)));
        if (moved != 1)
        {
            return false;
        }
        await ExecuteAsync(connection, transaction, """
            INSERT INTO scheduling_votes(id, workshop_id, document, status, decided_option, deadline_utc) VALUES ($id, $w, $doc, 'Open', NULL, $deadline)
            ON CONFLICT(workshop_id) DO UPDATE SET id = excluded.id, document = excluded.document, status = 'Open', decided_option = NULL, deadline_utc = excluded.deadline_utc
            """, cancellationToken, ("$id", vote.Id), ("$w", vote.WorkshopId), ("$doc", StoredValues.ToJson(vote)), ("$deadline", StoredValues.Instant(vote.Deadline)));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<SlotVote?> GetVoteAsync(string voteId, CancellationToken cancellationToken) =>
        (await ReadVotesAsync("WHERE id = $p", voteId, null, cancellationToken)).FirstOrDefault();

    public async Task<SlotVote?> GetVoteOfWorkshopAsync(string workshopId, CancellationToken cancellationToken) =>
        (await ReadVotesAsync("WHERE workshop_id = $p", workshopId, null, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<SlotVote>> ListVotesToSettleAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadVotesAsync("""
            WHERE (status = 'Open' AND deadline_utc <= $now)
               OR (status = 'Decided' AND workshop_id IN (SELECT id FROM scheduling_workshops WHERE status = 'Voting'))
            ORDER BY deadline_utc
            """, null, StoredValues.Instant(now), cancellationToken);

    public async Task SaveBallotAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            INSERT INTO scheduling_ballots(vote_id, person_id, answers, at) VALUES ($v, $p, $a, $at)
            ON CONFLICT(vote_id, person_id) DO UPDATE SET answers = excluded.answers, at = excluded.at
            """, cancellationToken, ("$v", ballot.VoteId), ("$p", ballot.PersonId), ("$a", StoredValues.ToJson(ballot.Answers)), ("$at", StoredValues.Instant(ballot.At)));
    }

    public async Task<IReadOnlyList<Ballot>> ListBallotsAsync(string voteId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_id, answers, at FROM scheduling_ballots WHERE vote_id = $v ORDER BY person_id";
        command.Parameters.AddWithValue("$v", voteId);
        var ballots = new List<Ballot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ballots.Add(new Ballot(voteId, reader.GetString(0), StoredValues.FromJson<Dictionary<int, VoteAnswer>>(reader.GetString(1)), StoredValues.Instant(reader.GetString(2))));
        }
        return ballots;
    }

    public async Task<bool> TryDecideVoteAsync(string voteId, int option, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "UPDATE scheduling_votes SET status = 'Decided', decided_option = $o WHERE id = $id AND status = 'Open'",
            cancellationToken, ("$o", option), ("$id", voteId)) == 1;
    }

    private async Task<IReadOnlyList<Workshop>> ReadWorkshopsAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT document, status FROM scheduling_workshops {where}";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }
        var workshops = new List<Workshop>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            workshops.Add(StoredValues.FromJson<Workshop>(reader.GetString(0)) with { Status = Enum.Parse<WorkshopStatus>(reader.GetString(1)) });
        }
        return workshops;
    }

    private async Task<IReadOnlyList<SlotVote>> ReadVotesAsync(string where, string? parameter, string? now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT document, status, decided_option FROM scheduling_votes {where}";
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$p", parameter);
        }
        if (now is not null)
        {
            command.Parameters.AddWithValue("$now", now);
        }
        var votes = new List<SlotVote>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            votes.Add(StoredValues.FromJson<SlotVote>(reader.GetString(0)) with
            {
                Status = Enum.Parse<SlotVoteStatus>(reader.GetString(1)),
                DecidedOption = reader.IsDBNull(2) ? null : reader.GetInt32(2),
            });
        }
        return votes;
    }
}
