using Leitbild.Teams.Core.Problems;

namespace Leitbild.Teams.Core.Process;

/// <summary>
/// Who asks a service to do something: the person, their roles, whether they are a guest, and the language they read.
/// Services check roles and ownership on it themselves, so every surface (tab, bot, verbs) gets the same answer.
/// </summary>
public sealed record Actor
{
    public required string PersonId { get; init; }
    public IReadOnlySet<Role> Roles { get; init; } = new HashSet<Role> { Role.Staff };
    /// <summary>A guest in the tenant (an external moderator): may organize, never sees raw identities.</summary>
    public bool IsGuest { get; init; }
    public string Language { get; init; } = "de";

    public bool IsOrganizer => Roles.Contains(Role.Organizer);

    /// <summary>Reviewers and organizers read results; organizers count as reviewers.</summary>
    public bool CanReview => IsOrganizer || Roles.Contains(Role.Reviewer);

    /// <summary>An organizer of the planning team itself, not an external moderator.</summary>
    public bool IsMemberOrganizer => IsOrganizer && !IsGuest;

    public void RequireOrganizer()
    {
        if (!IsOrganizer)
        {
            throw ProblemException.Forbidden("actor", "problem.forbidden.organizer");
        }
    }

    public void RequireReviewer()
    {
        if (!CanReview)
        {
            throw ProblemException.Forbidden("actor", "problem.forbidden.reviewer");
        }
    }

    /// <summary>The person themselves, or an organizer acting for them.</summary>
    public void RequireSelfOrOrganizer(string personId)
    {
        if (!IsOrganizer && !string.Equals(PersonId, personId, StringComparison.OrdinalIgnoreCase))
        {
            throw ProblemException.Forbidden("actor", "problem.forbidden.notYours");
        }
    }

    public static Actor For(Person person, string language) => new()
    {
        PersonId = person.Id,
        Roles = person.Roles.Append(Role.Staff).ToHashSet(),
        IsGuest = person.IsGuest,
        Language = language,
    };
}
