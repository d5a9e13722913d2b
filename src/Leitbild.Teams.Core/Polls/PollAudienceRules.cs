using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Polls;

/// <summary>Whether a person may answer: asked by name, in the asked office or division, in the asked chat, or staff when everyone is asked.</summary>
public static class PollAudienceRules
{
    public static bool Includes(Poll poll, Person person, string? conversationId, Organisation organisation) => poll.Audience.Kind switch
    {
        AudienceKind.People => poll.Audience.PersonIds.Contains(person.Id, StringComparer.OrdinalIgnoreCase),
        AudienceKind.Department => person.OfficeId is { } office
            && (office == poll.Audience.UnitId || organisation.DivisionOf(office)?.Id == poll.Audience.UnitId),
        AudienceKind.GroupChat or AudienceKind.Channel => conversationId is not null
            && string.Equals(conversationId, poll.Audience.ConversationId, StringComparison.Ordinal),
        AudienceKind.AllInstalled => true,
        AudienceKind.Everyone => !person.IsGuest,
        AudienceKind.EntraGroup => poll.Audience.PersonIds.Contains(person.Id, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };
}
