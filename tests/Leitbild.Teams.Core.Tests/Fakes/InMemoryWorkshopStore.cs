using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.Core.Tests.Fakes;

public sealed class InMemoryWorkshopStore : IWorkshopStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Workshop> _workshops = [];
    private readonly Dictionary<string, SlotVote> _votes = [];
    private readonly Dictionary<(string, string), Ballot> _ballots = [];

    public Task CreateWorkshopAsync(Workshop workshop, CancellationToken cancellationToken) => Locked(() => _workshops[workshop.Id] = workshop);

    public Task<Workshop?> GetWorkshopAsync(string workshopId, CancellationToken cancellationToken) => Locked(() => _workshops.GetValueOrDefault(workshopId));

    public Task<IReadOnlyList<Workshop>> ListWorkshopsAsync(CancellationToken cancellationToken) => Locked<IReadOnlyList<Workshop>>(() => _workshops.Values.ToList());

    public Task<bool> TryMoveAsync(string workshopId, WorkshopStatus from, WorkshopStatus to, DateTimeOffset at, CancellationToken cancellationToken) => Locked(() =>
    {
        if (!_workshops.TryGetValue(workshopId, out var w) || w.Status != from)
        {
            return false;
        }
        _workshops[workshopId] = w with { Status = to };
        return true;
    });

    public Task CompleteBookingAsync(string workshopId, DateTimeOffset start, DateTimeOffset end, string? roomEmail, string eventId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Locked(() => _workshops[workshopId] = _workshops[workshopId] with { Status = WorkshopStatus.Booked, Start = start, End = end, RoomEmail = roomEmail, EventId = eventId });

    public Task<bool> TryStartVoteAsync(SlotVote vote, CancellationToken cancellationToken) => Locked(() =>
    {
        if (!_workshops.TryGetValue(vote.WorkshopId, out var w) || w.Status != WorkshopStatus.Planning)
        {
            return false;
        }
        _workshops[w.Id] = w with { Status = WorkshopStatus.Voting };
        _votes[vote.Id] = vote;
        return true;
    });

    public Task<SlotVote?> GetVoteAsync(string voteId, CancellationToken cancellationToken) => Locked(() => _votes.GetValueOrDefault(voteId));

    public Task<SlotVote?> GetVoteOfWorkshopAsync(string workshopId, CancellationToken cancellationToken) => Locked(() => _votes.Values.FirstOrDefault(v => v.WorkshopId == workshopId));

    public Task<IReadOnlyList<SlotVote>> ListVotesToSettleAsync(DateTimeOffset now, CancellationToken cancellationToken) => Locked<IReadOnlyList<SlotVote>>(() =>
        _votes.Values.Where(v => (v.Status == SlotVoteStatus.Open && v.Deadline <= now)
            || (v.Status == SlotVoteStatus.Decided && _workshops[v.WorkshopId].Status == WorkshopStatus.Voting)).ToList());

    public Task SaveBallotAsync(Ballot ballot, CancellationToken cancellationToken) => Locked(() => _ballots[(ballot.VoteId, ballot.PersonId)] = ballot);

    public Task<IReadOnlyList<Ballot>> ListBallotsAsync(string voteId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<Ballot>>(() => _ballots.Values.Where(b => b.VoteId == voteId).ToList());

    public Task<bool> TryDecideVoteAsync(string voteId, int option, DateTimeOffset at, CancellationToken cancellationToken) => Locked(() =>
    {
        if (!_votes.TryGetValue(voteId, out var v) || v.Status != SlotVoteStatus.Open)
        {
            return false;
        }
        _votes[voteId] = v with { Status = SlotVoteStatus.Decided, DecidedOption = option };
        return true;
    });

    private Task<T> Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return Task.FromResult(action());
        }
    }
}
