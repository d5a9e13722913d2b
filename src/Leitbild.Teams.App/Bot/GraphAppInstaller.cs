using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Graph.Teams;

namespace Leitbild.Teams.App.Bot;

/// <summary>The broadcast's installer in Microsoft 365 mode: Graph's outcomes in the report's terms.</summary>
public sealed class GraphAppInstaller(GraphPersonalAppInstaller graph) : IPersonalAppInstaller
{
    public async Task<PersonalAppInstallResult> EnsureInstalledAsync(string personId, CancellationToken cancellationToken) =>
        await graph.InstallAsync(personId, cancellationToken) switch
        {
            PersonalAppInstallOutcome.Installed or PersonalAppInstallOutcome.AlreadyInstalled => PersonalAppInstallResult.Done,
            PersonalAppInstallOutcome.NoTeams => PersonalAppInstallResult.Unreachable(UnreachableReasons.NoTeams),
            _ => PersonalAppInstallResult.Unreachable(UnreachableReasons.Policy),
        };
}

/// <summary>Local mode: the Playground and the emulator reach everyone, nothing to install.</summary>
public sealed class NoAppInstallation : IPersonalAppInstaller
{
    public Task<PersonalAppInstallResult> EnsureInstalledAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult(PersonalAppInstallResult.Done);
}
