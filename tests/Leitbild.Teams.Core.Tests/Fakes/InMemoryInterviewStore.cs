using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;

namespace Leitbild.Teams.Core.Tests.Fakes;

/// <summary>The interview store port in memory; one lock makes every operation atomic, as the SQLite transaction does.</summary>
public sealed class InMemoryInterviewStore : IInterviewStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InterviewCampaign> _campaigns = [];
    private readonly Dictionary<string, Interview> _interviews = [];
    private readonly Dictionary<string, InterviewProposal> _proposals = [];
    private readonly Dictionary<SlotKey, string> _claims = [];

    public IReadOnlyDictionary<SlotKey, string> Claims
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<SlotKey, string>(_claims);
            }
        }
    }

    public Task CreateCampaignAsync(InterviewCampaign campaign, IReadOnlyList<Interview> interviews, IReadOnlyList<InterviewProposal> proposals, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _campaigns[campaign.Id] = campaign;
            interviews.ToList().ForEach(i => _interviews[i.Id] = i);
            proposals.ToList().ForEach(p => _proposals[p.Id] = p);
        }
        return Task.CompletedTask;
    }

    public Task<InterviewCampaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken) => Locked(() => _campaigns.GetValueOrDefault(campaignId));

    public Task<IReadOnlyList<InterviewCampaign>> ListCampaignsAsync(CancellationToken cancellationToken) => Locked<IReadOnlyList<InterviewCampaign>>(() => _campaigns.Values.ToList());

    public Task<IReadOnlyList<Interview>> ListInterviewsAsync(string campaignId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<Interview>>(() => _interviews.Values.Where(i => i.CampaignId == campaignId).ToList());

    public Task<IReadOnlyList<Interview>> ListInterviewsOfPersonAsync(string personId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<Interview>>(() => _interviews.Values.Where(i => i.IntervieweeId == personId).OrderByDescending(i => i.UpdatedAt).ToList());

    public Task<IReadOnlyList<Interview>> ListPendingBookingsAsync(CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<Interview>>(() => _interviews.Values.Where(i => i.Status == InterviewStatus.Booking).ToList());

    public Task<Interview?> GetInterviewAsync(string interviewId, CancellationToken cancellationToken) => Locked(() => _interviews.GetValueOrDefault(interviewId));

    public Task<IReadOnlyList<InterviewProposal>> ListProposalsAsync(string interviewId, CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<InterviewProposal>>(() => _proposals.Values.Where(p => p.InterviewId == interviewId).OrderBy(p => p.Rank).ToList());

    public Task<InterviewProposal?> GetProposalAsync(string proposalId, CancellationToken cancellationToken) => Locked(() => _proposals.GetValueOrDefault(proposalId));

    public Task<IReadOnlyDictionary<SlotKey, string>> GetClaimOwnersAsync(IReadOnlyCollection<SlotKey> keys, CancellationToken cancellationToken) =>
        Locked<IReadOnlyDictionary<SlotKey, string>>(() => keys.Where(_claims.ContainsKey).Distinct().ToDictionary(k => k, k => _claims[k]));

    public Task<ClaimOutcome> TryClaimAsync(SlotClaim claim, CancellationToken cancellationToken) => Locked(() =>
    {
        if (!_interviews.TryGetValue(claim.InterviewId, out var interview) || !_proposals.TryGetValue(claim.ProposalId, out var proposal) || proposal.InterviewId != interview.Id)
        {
            return ClaimOutcome.NotFound;
        }
        if (interview.Status == InterviewStatus.Booking)
        {
            return ClaimOutcome.AlreadyBooking;
        }
        if (interview.Status is not (InterviewStatus.Proposed or InterviewStatus.Booked) || proposal.Status != ProposalStatus.Open)
        {
            return ClaimOutcome.ProposalNotOpen;
        }
        if (claim.Keys.Any(k => _claims.TryGetValue(k, out var owner) && owner != interview.Id))
        {
            return ClaimOutcome.SlotTaken;
        }
        foreach (var key in claim.Keys)
        {
            _claims[key] = interview.Id;
        }
        _interviews[interview.Id] = interview with { Status = InterviewStatus.Booking, PendingProposalId = proposal.Id, UpdatedAt = claim.At };
        return ClaimOutcome.Claimed;
    });

    public Task ConfirmBookingAsync(string interviewId, string proposalId, string eventId, string organizerEmail, IReadOnlyCollection<SlotKey> release, CancellationToken cancellationToken) => Locked(() =>
    {
        var proposal = _proposals[proposalId];
        Release(interviewId, release);
        foreach (var other in _proposals.Values.Where(p => p.InterviewId == interviewId && p.Status == ProposalStatus.Open).ToList())
        {
            _proposals[other.Id] = other with { Status = other.Id == proposalId ? ProposalStatus.Taken : ProposalStatus.Released };
        }
        _interviews[interviewId] = _interviews[interviewId] with
        {
            Status = InterviewStatus.Booked,
            PendingProposalId = null,
            EventId = eventId,
            OrganizerEmail = organizerEmail,
            Booked = new InterviewSlot(proposal.Start, proposal.End, proposal.InterviewerEmails, proposal.RoomEmail),
        };
        return true;
    });

    public Task AbandonClaimAsync(string interviewId, string proposalId, IReadOnlyCollection<SlotKey> release, CancellationToken cancellationToken) => Locked(() =>
    {
        Release(interviewId, release);
        var interview = _interviews[interviewId];
        _interviews[interviewId] = interview with { Status = interview.Booked is null ? InterviewStatus.Proposed : InterviewStatus.Booked, PendingProposalId = null };
        return true;
    });

    public Task<bool> CancelAsync(string interviewId, DateTimeOffset at, CancellationToken cancellationToken) => Locked(() =>
    {
        if (!_interviews.TryGetValue(interviewId, out var interview))
        {
            return false;
        }
        Release(interviewId, _claims.Where(c => c.Value == interviewId).Select(c => c.Key).ToList());
        foreach (var p in _proposals.Values.Where(p => p.InterviewId == interviewId && p.Status == ProposalStatus.Open).ToList())
        {
            _proposals[p.Id] = p with { Status = ProposalStatus.Released };
        }
        _interviews[interviewId] = interview with { Status = InterviewStatus.Cancelled, UpdatedAt = at };
        return true;
    });

    public Task ReplaceOpenProposalsAsync(string interviewId, IReadOnlyList<InterviewProposal> proposals, DateTimeOffset at, CancellationToken cancellationToken) => Locked(() =>
    {
        foreach (var p in _proposals.Values.Where(p => p.InterviewId == interviewId && p.Status == ProposalStatus.Open).ToList())
        {
            _proposals[p.Id] = p with { Status = ProposalStatus.Released };
        }
        proposals.ToList().ForEach(p => _proposals[p.Id] = p);
        return true;
    });

    private void Release(string interviewId, IEnumerable<SlotKey> keys)
    {
        foreach (var key in keys)
        {
            if (_claims.TryGetValue(key, out var owner) && owner == interviewId)
            {
                _claims.Remove(key);
            }
        }
    }

    private Task<T> Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return Task.FromResult(action());
        }
    }
}
