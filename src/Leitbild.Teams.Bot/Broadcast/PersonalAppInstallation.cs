namespace Leitbild.Teams.Bot.Broadcast;

/// <summary>
/// Installs the app in a person's personal scope, so the bot may open a 1:1 chat with someone who never opened it
/// (Teams creates a conversation only where the app is installed). In Microsoft 365 mode Graph does it; local
/// mode has no installer and every person is reachable.
/// </summary>
public interface IPersonalAppInstaller
{
    /// <summary>Idempotent: a person who has the app already counts as installed.</summary>
    Task<PersonalAppInstallResult> EnsureInstalledAsync(string personId, CancellationToken cancellationToken);
}

/// <summary>Why a person could not be reached; the delivery report names it. Values are stable codes, not texts.</summary>
public static class UnreachableReasons
{
    /// <summary>The person blocked the bot's chat (403 MessageWritesBlocked, ConversationBlockedByUser).</summary>
    public const string Blocked = "blocked";

    /// <summary>No Teams for this account: no licence, no mailbox, or the account is gone (Graph 404 on install).</summary>
    public const string NoTeams = "noTeams";

    /// <summary>The tenant's app permission policy keeps the app from this person (Graph 403, BotDisabledByAdmin).</summary>
    public const string Policy = "policy";

    public static string FromConnectorCode(string? code) => code switch
    {
        "BotDisabledByAdmin" => Policy,
        _ => Blocked,
    };
}

public sealed record PersonalAppInstallResult(bool Installed, string? UnreachableReason)
{
    public static PersonalAppInstallResult Done { get; } = new(true, null);

    public static PersonalAppInstallResult Unreachable(string reason) => new(false, reason);
}
