namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>
/// Entra app roles (the <c>value</c>s in the app registration's <c>appRoles</c>); local development tokens carry the same
/// values, so authorization reads one claim in both modes. Everyone signed in without a role is staff.
/// </summary>
public static class TabRoles
{
    public const string Organizer = Core.Directory.EntraAppRoles.Organizer;
    public const string Reviewer = Core.Directory.EntraAppRoles.Reviewer;

    /// <summary>Entra's claim for app roles; inbound claim mapping is off, so it keeps this name.</summary>
    public const string RolesClaim = "roles";
    public const string NameClaim = "name";
    /// <summary>Entra object id: the person's id in the directory and in every store.</summary>
    public const string ObjectIdClaim = "oid";
    /// <summary>Entra's optional claim <c>acct</c>: 0 member, 1 guest. Guests may organize but never see raw identities.</summary>
    public const string AccountTypeClaim = "acct";
}

/// <summary>Authorization policies on the tab's API route groups.</summary>
public static class TabPolicies
{
    /// <summary>Planning office and external moderators: see and change everything.</summary>
    public const string Organizer = "Leitbild.Policy.Organizer";
    /// <summary>Department heads (and organizers): see results and the dashboard.</summary>
    public const string Reviewer = "Leitbild.Policy.Reviewer";
    /// <summary>Anyone signed in: their own items.</summary>
    public const string Staff = "Leitbild.Policy.Staff";
}
