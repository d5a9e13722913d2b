using System.Text.Json.Nodes;

namespace Leitbild.Teams.GraphSimulator.Directory;

/// <summary>
/// An Entra user with the properties the app selects (https://learn.microsoft.com/en-us/graph/api/resources/user).
/// </summary>
public sealed record SimulatedUser
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public string? Mail { get; init; }
    public required string UserPrincipalName { get; init; }
    public string? Department { get; init; }
    public string? OfficeLocation { get; init; }
    public string? JobTitle { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public string UserType { get; init; } = "Member";

    /// <summary>The user as JSON, only the selected properties (Graph always adds id); no $select gives the default set.</summary>
    public JsonObject ToJson(IReadOnlyCollection<string>? select)
    {
        var all = new JsonObject
        {
            ["id"] = Id,
            ["displayName"] = DisplayName,
            ["mail"] = Mail,
            ["userPrincipalName"] = UserPrincipalName,
            ["department"] = Department,
            ["officeLocation"] = OfficeLocation,
            ["jobTitle"] = JobTitle,
            ["accountEnabled"] = AccountEnabled,
            ["userType"] = UserType,
        };
        if (select is null || select.Count == 0)
        {
            // https://learn.microsoft.com/en-us/graph/api/user-list: without $select only the default properties come
            // back; department, accountEnabled and userType are not among them.
            foreach (var name in new[] { "department", "accountEnabled", "userType" })
            {
                all.Remove(name);
            }
            return all;
        }
        var selected = new JsonObject();
        foreach (var (name, value) in all)
        {
            if (name == "id" || select.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                selected[name] = value?.DeepClone();
            }
        }
        return selected;
    }
}
