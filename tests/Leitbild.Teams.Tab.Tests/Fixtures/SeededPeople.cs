namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>People of the shipped Bergkamen template (Seed/bergkamen/organisation.json) the tests sign in as.</summary>
public static class SeededPeople
{
    /// <summary>Emil Exempel, StA 61: organizer and reviewer.</summary>
    public const string Organizer = "0374d0fd-4d54-5dd6-9642-c253379975a1";
    public const string OrganizerName = "Emil Exempel";
    /// <summary>Anna Musterfrau, StA 10: reviewer (department head).</summary>
    public const string Reviewer = "b419bdba-9fac-59f2-94ae-477b23679514";
    public const string ReviewerName = "Anna Musterfrau";
    /// <summary>Bernd Fiktiva, StA 10: staff only.</summary>
    public const string Staff = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";
    public const string StaffName = "Bernd Fiktiva";
    /// <summary>Moderation Erfundenhaus (extern): a guest organizer.</summary>
    public const string GuestOrganizer = "5fc7a9bd-383f-5151-97f7-6746dba5e07b";
}
