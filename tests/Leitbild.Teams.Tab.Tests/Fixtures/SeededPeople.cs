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
    /// <summary>Clara Muster-Kamp, StA 10: staff only (someone else's items).</summary>
    public const string OtherStaff = "e14e1698-4bbe-5515-a550-bc4bce243185";
    /// <summary>Dieter Mustermann, StA 10: staff only.</summary>
    public const string ThirdStaff = "2c7297c2-e9d4-5e9a-ad2f-df5a7f7d1c3b";
    public const string ThirdStaffName = "Dieter Mustermann";
    /// <summary>Elif Erfunden, StA 10: staff only.</summary>
    public const string FourthStaff = "25ec578d-9d0b-52c3-8b3a-eec9807f457b";
    public const string FourthStaffName = "Elif Erfunden";
    /// <summary>Ria Beraterin-Fiktiv (extern): a guest organizer who interviews.</summary>
    public const string ModeratorRia = "82d7244d-fdac-562f-ad58-2bff5c57ce88";
    public const string ModeratorRiaName = "Ria Beraterin-Fiktiv (extern)";
    /// <summary>Udo Testmoderator (extern): a guest organizer who interviews.</summary>
    public const string ModeratorUdo = "0d8a3415-1b4c-53ee-b9d5-bbdbbdbb57d2";
    public const string ModeratorUdoName = "Udo Testmoderator (extern)";
    /// <summary>Greta Beispiel, StA 20: staff only.</summary>
    public const string FifthStaff = "8da789cc-fb1e-577a-9661-c533b92a27b7";
    public const string FifthStaffName = "Greta Beispiel";
}
