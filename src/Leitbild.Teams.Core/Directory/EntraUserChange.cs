namespace Leitbild.Teams.Core.Directory;

/// <summary>
/// One entry of a <c>users/delta</c> page: the user was removed, or the properties it carries changed. Graph sends
/// "at least the properties that have been updated", so an absent property means unchanged, an explicit null cleared.
/// </summary>
public sealed record EntraUserChange(string Id, bool Removed, IReadOnlyDictionary<string, string?> Properties)
{
    public const string DisplayName = "displayName";
    public const string Mail = "mail";
    public const string UserPrincipalName = "userPrincipalName";
    public const string Department = "department";
    public const string OfficeLocation = "officeLocation";
    public const string JobTitle = "jobTitle";
    public const string AccountEnabled = "accountEnabled";
    public const string UserType = "userType";

    /// <summary>The <c>$select</c> of every directory read, in this order.</summary>
    public static readonly string[] Selected = ["id", DisplayName, Mail, UserPrincipalName, Department, OfficeLocation, JobTitle, AccountEnabled, UserType];

    public bool Has(string property) => Properties.ContainsKey(property);

    public string? Text(string property) => Properties.TryGetValue(property, out var value) ? value : null;

    public bool? Flag(string property) => Text(property) is { } value ? bool.Parse(value) : null;

    /// <summary>A user seen for the first time in a delta becomes a user with exactly what the entry says.</summary>
    public EntraUser ToUser() => new EntraUser { Id = Id }.With(this);
}
