namespace Leitbild.Teams.Core.Directory;

/// <summary>
/// A user as Entra ID gives it (the <c>$select</c> of the directory sync), kept as read so that a change of the
/// template's mapping re-places everyone without another full read.
/// </summary>
public sealed record EntraUser
{
    public required string Id { get; init; }
    public string? DisplayName { get; init; }
    public string? Mail { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? Department { get; init; }
    public string? OfficeLocation { get; init; }
    public string? JobTitle { get; init; }
    /// <summary>Null when Entra did not say; only an explicit false disables.</summary>
    public bool? AccountEnabled { get; init; }
    /// <summary>"Member" or "Guest".</summary>
    public string? UserType { get; init; }

    public bool IsGuest => string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase);

    public bool IsEnabled => AccountEnabled != false;

    /// <summary>Applies a delta entry: properties it names are replaced (also by null), the others are kept.</summary>
    public EntraUser With(EntraUserChange change) => this with
    {
        DisplayName = change.Has(EntraUserChange.DisplayName) ? change.Text(EntraUserChange.DisplayName) : DisplayName,
        Mail = change.Has(EntraUserChange.Mail) ? change.Text(EntraUserChange.Mail) : Mail,
        UserPrincipalName = change.Has(EntraUserChange.UserPrincipalName) ? change.Text(EntraUserChange.UserPrincipalName) : UserPrincipalName,
        Department = change.Has(EntraUserChange.Department) ? change.Text(EntraUserChange.Department) : Department,
        OfficeLocation = change.Has(EntraUserChange.OfficeLocation) ? change.Text(EntraUserChange.OfficeLocation) : OfficeLocation,
        JobTitle = change.Has(EntraUserChange.JobTitle) ? change.Text(EntraUserChange.JobTitle) : JobTitle,
        AccountEnabled = change.Has(EntraUserChange.AccountEnabled) ? change.Flag(EntraUserChange.AccountEnabled) : AccountEnabled,
        UserType = change.Has(EntraUserChange.UserType) ? change.Text(EntraUserChange.UserType) : UserType,
    };
}
