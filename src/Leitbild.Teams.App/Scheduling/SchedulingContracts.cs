using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>Request and response bodies of /api/scheduling. Durations are minutes; times are ISO 8601 with offset;
/// times of day are "HH:mm" in Berlin time.</summary>
public static class SchedulingContracts
{
    public sealed record FindSlotsRequest
    {
        /// <summary>Person, office or division ids.</summary>
        public IReadOnlyList<string> Required { get; init; } = [];
        public IReadOnlyList<string> Optional { get; init; } = [];
        public bool NeedsRoom { get; init; }
        public int? MinimumCapacity { get; init; }
        public int DurationMinutes { get; init; }
        public DateTimeOffset WindowStart { get; init; }
        public DateTimeOffset WindowEnd { get; init; }
        public int BufferBeforeMinutes { get; init; }
        public int BufferAfterMinutes { get; init; }
        public TimeOnly? EarliestTimeOfDay { get; init; }
        public TimeOnly? LatestTimeOfDay { get; init; }
        public double Quorum { get; init; }
        public IReadOnlyList<DayOfWeek> PreferredDays { get; init; } = [];
        public int StepMinutes { get; init; } = 30;
        public int MaxResults { get; init; } = 10;
    }

    public sealed record SlotAttendeeView(string PersonId, string DisplayName, bool Required, SlotAttendance Attendance);

    public sealed record SlotView(DateTimeOffset Start, DateTimeOffset End, MeetingRoom? Room, int Score, IReadOnlyList<SlotAttendeeView> Attendees);

    public sealed record FindSlotsResponse(IReadOnlyList<SlotView> Slots, IReadOnlyList<string> UnreadableSchedules);

    public sealed record StartCampaignRequest
    {
        public string Title { get; init; } = "";
        /// <summary>Empty: the signed-in organizer.</summary>
        public string OrganizerId { get; init; } = "";
        /// <summary>The process phase (Baustein) the interviews belong to; optional.</summary>
        public string? PhaseId { get; init; }
        public IReadOnlyList<string> InterviewerIds { get; init; } = [];
        public IReadOnlyList<string> Interviewees { get; init; } = [];
        public InterviewerMode Mode { get; init; } = InterviewerMode.AnyOne;
        public int DurationMinutes { get; init; } = 60;
        public DateTimeOffset WindowStart { get; init; }
        public DateTimeOffset WindowEnd { get; init; }
        public string? RoomEmail { get; init; }
        public int BufferAfterMinutes { get; init; }
        public TimeOnly? EarliestTimeOfDay { get; init; }
        public TimeOnly? LatestTimeOfDay { get; init; }
        public int ProposalsPerInterviewee { get; init; } = 3;
    }

    public sealed record BookProposalRequest(string ProposalId, string? PersonId);

    public sealed record BookingResponse(BookingOutcome Outcome, Interview? Interview, CalendarEvent? Event);

    public sealed record CancelRequest(string? Comment);

    /// <summary>An open proposal, whether its slot is still free, and who conducts it where (names, not addresses).</summary>
    public sealed record ProposalView(InterviewProposal Proposal, bool Available, IReadOnlyList<string> Interviewers, string? Room);

    public sealed record CreateWorkshopRequest
    {
        public string Title { get; init; } = "";
        /// <summary>Empty: the signed-in organizer (the event goes into their calendar).</summary>
        public string OrganizerId { get; init; } = "";
        /// <summary>The process phase (Baustein) the workshop belongs to; optional.</summary>
        public string? PhaseId { get; init; }
        public IReadOnlyList<string> Required { get; init; } = [];
        public IReadOnlyList<string> Optional { get; init; } = [];
        public bool NeedsRoom { get; init; }
        public int? MinimumCapacity { get; init; }
        public int DurationMinutes { get; init; } = 180;
        public DateTimeOffset WindowStart { get; init; }
        public DateTimeOffset WindowEnd { get; init; }
        public TimeOnly? EarliestTimeOfDay { get; init; }
        public TimeOnly? LatestTimeOfDay { get; init; }
        public double Quorum { get; init; }
        public IReadOnlyList<DayOfWeek> PreferredDays { get; init; } = [];
        public int BufferBeforeMinutes { get; init; }
        public int BufferAfterMinutes { get; init; }
    }

    public sealed record BookWorkshopRequest(DateTimeOffset Start, string? RoomEmail);

    public sealed record StartVoteRequest(IReadOnlyList<DateTimeOffset>? Starts, DateTimeOffset Deadline);

    /// <summary>PersonId empty: the signed-in person. Only organizers may cast a ballot for someone else.</summary>
    public sealed record BallotRequest(string? PersonId, IReadOnlyDictionary<int, VoteAnswer> Answers);

    public sealed record RespondRequest(string Email, AttendeeResponse Response);

    public sealed record ParticipantPerson(string Id, string DisplayName, string? OfficeId, bool IsGuest, string? JobTitle);

    public sealed record ParticipantOffice(string Id, string Code, string Name);

    public sealed record ParticipantDivision(string Id, string Name, IReadOnlyList<ParticipantOffice> Offices);

    /// <summary>Who can be invited: people (by name) and the org units that stand for everyone in them.</summary>
    public sealed record ParticipantsView(IReadOnlyList<ParticipantPerson> People, IReadOnlyList<ParticipantDivision> Divisions);
}
