using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Directory;

/// <summary>Entra ID as the directory sync reads it (Microsoft Graph in Microsoft 365 mode).</summary>
public interface IEntraDirectorySource
{
    /// <summary>Every user, and a delta link that starts from before the read (so nothing changed meanwhile is missed).</summary>
    Task<EntraUserRead> ReadAllUsersAsync(CancellationToken cancellationToken);

    /// <summary>What changed since <paramref name="deltaLink"/>, and the next delta link.</summary>
    /// <exception cref="EntraDeltaExpiredException">The link is no longer valid; a full read must follow.</exception>
    Task<EntraUserDelta> ReadUserChangesAsync(string deltaLink, CancellationToken cancellationToken);

    /// <summary>The ids of the users in a group, nested groups included.</summary>
    Task<IReadOnlySet<string>> GroupMemberIdsAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>The app roles each user holds in the app's enterprise application, group assignments expanded.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Role>>> AppRolesAsync(CancellationToken cancellationToken);
}

public sealed record EntraUserRead(IReadOnlyList<EntraUser> Users, string DeltaLink);

public sealed record EntraUserDelta(IReadOnlyList<EntraUserChange> Changes, string DeltaLink);

/// <summary>Graph answered 410 Gone or "syncStateNotFound": the delta link has expired.</summary>
public sealed class EntraDeltaExpiredException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A read from Entra ID failed; <see cref="Code"/> says how (an HTTP status and Graph's error code, never personal data).</summary>
public sealed class EntraReadException(string code, Exception? inner = null) : Exception($"Entra ID read failed: {code}", inner)
{
    public string Code { get; } = code;
}
