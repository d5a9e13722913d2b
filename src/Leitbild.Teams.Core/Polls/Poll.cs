using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Polls;

public enum PollStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>Who may see a poll's results, and when.</summary>
public enum ResultsVisibility
{
    /// <summary>Everyone who answered sees the tally as it grows.</summary>
    Live,
    /// <summary>Everyone sees the results once the poll is closed.</summary>
    AfterClose,
    /// <summary>Only organizers (and reviewers in the tab) ever see results.</summary>
    OrganizersOnly,
}

public enum AudienceKind
{
    People,
    Department,
    GroupChat,
    Channel,
    AllInstalled,
    /// <summary>Every member of staff in the directory (guests excluded); in Microsoft 365 mode the app reaches those without it.</summary>
    Everyone,
    /// <summary>The members of an Entra group (nested groups included), taken when the poll is created (Microsoft 365 mode).</summary>
    EntraGroup,
}

/// <summary>Who is asked. For chats and channels, everyone in that conversation may answer.</summary>
public sealed record PollAudience
{
    public required AudienceKind Kind { get; init; }
    public IReadOnlyList<string> PersonIds { get; init; } = [];
    /// <summary>A Dezernat or Amt id for <see cref="AudienceKind.Department"/>.</summary>
    public string? UnitId { get; init; }
    /// <summary>The Entra group's object id for <see cref="AudienceKind.EntraGroup"/>; its members are kept in <see cref="PersonIds"/>.</summary>
    public string? GroupId { get; init; }
    /// <summary>The Teams conversation for <see cref="AudienceKind.GroupChat"/> and <see cref="AudienceKind.Channel"/>.</summary>
    public string? ConversationId { get; init; }

    public static PollAudience People(params string[] personIds) => new() { Kind = AudienceKind.People, PersonIds = personIds };

    public static PollAudience Department(string unitId) => new() { Kind = AudienceKind.Department, UnitId = unitId };

    public static PollAudience GroupChat(string conversationId) => new() { Kind = AudienceKind.GroupChat, ConversationId = conversationId };

    public static PollAudience Channel(string conversationId) => new() { Kind = AudienceKind.Channel, ConversationId = conversationId };

    public static PollAudience AllInstalled { get; } = new() { Kind = AudienceKind.AllInstalled };

    public static PollAudience Everyone { get; } = new() { Kind = AudienceKind.Everyone };

    public static PollAudience EntraGroup(string groupId, IReadOnlyList<string> memberIds) => new() { Kind = AudienceKind.EntraGroup, GroupId = groupId, PersonIds = memberIds };
}

public sealed record PollSettings
{
    /// <summary>Anonymous answers are stored under a keyed hash; who took part is kept apart, for reminders only.</summary>
    public bool Anonymous { get; init; }
    /// <summary>
    /// An anonymous poll records the respondent's office only when the organizer asks for results by office; offices
    /// of four to six people would otherwise let a raw list undo the anonymity. Named polls always record it.
    /// </summary>
    public bool ByOffice { get; init; }
    /// <summary>Whether an answer to this poll carries the respondent's office.</summary>
    public bool RecordsOffice() => !Anonymous || ByOffice;
    public ResultsVisibility Visibility { get; init; } = ResultsVisibility.AfterClose;
    /// <summary>The poll closes by itself at this instant (entered in Europe/Berlin local time).</summary>
    public DateTimeOffset? Deadline { get; init; }
}

/// <summary>A goal feedback poll (Umfrage): up to ten questions on the goal catalogue, linked to one phase.</summary>
public sealed record Poll
{
    public required string Id { get; init; }
    public required string ProcessId { get; init; }
    public required string PhaseId { get; init; }
    public required LocalizedText Title { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
    public required PollSettings Settings { get; init; }
    public required PollAudience Audience { get; init; }
    public PollStatus Status { get; init; } = PollStatus.Draft;
    /// <summary>The organizer's object id; never shown to respondents of anonymous polls.</summary>
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Open means answers are taken: opened, not closed by hand, and the deadline has not passed.</summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        Status == PollStatus.Open && (Settings.Deadline is not { } deadline || now < deadline);

    /// <summary>Closed by hand, or by its deadline even if nobody has recorded that yet.</summary>
    public bool IsClosedAt(DateTimeOffset now) =>
        Status == PollStatus.Closed || (Status == PollStatus.Open && Settings.Deadline is { } deadline && now >= deadline);

    public Question? FindQuestion(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}
