using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Leitbild.Teams.Graph.Teams;

public enum PersonalAppInstallOutcome
{
    Installed,
    AlreadyInstalled,
    /// <summary>Graph does not find the person for Teams (404: no licence, no mailbox, account gone).</summary>
    NoTeams,
    /// <summary>The tenant's app permission policy keeps the app from the person (403).</summary>
    Policy,
}

/// <summary>The app is not in the tenant's catalogue, so nobody can get it; the admin has to upload it first.</summary>
public sealed class AppNotInCatalogException(string externalId)
    : InvalidOperationException($"The app with manifest id {externalId} is not in the tenant's Teams app catalogue.")
{
    public string ExternalId { get; } = externalId;
}

/// <summary>
/// Installs the app in a person's personal scope (app-only, <c>TeamsAppInstallation.ReadWriteSelfForUser.All</c>,
/// which installs only this app; the catalogue lookup needs <c>AppCatalog.Read.All</c>). One POST per person: the
/// catalogue id is looked up once and kept. Installs are paced to <paramref name="installsPerSecond"/> so a broadcast
/// to a whole administration stays inside Graph's limits; 429 is retried by the client's throttling handler, and
/// 5xx here, because installing twice is harmless (409).
/// </summary>
public sealed class GraphPersonalAppInstaller(GraphServiceClient client, string manifestId, TimeProvider time, double installsPerSecond = 20, int maxAttempts = 6)
{
    private readonly SemaphoreSlim _catalogGate = new(1, 1);
    private readonly Lock _paceGate = new();
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / Math.Max(0.1, installsPerSecond));
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private string? _catalogAppId;

    public async Task<PersonalAppInstallOutcome> InstallAsync(string userId, CancellationToken cancellationToken)
    {
        var catalogAppId = await CatalogAppIdAsync(cancellationToken);
        var bind = $"{client.RequestAdapter.BaseUrl?.TrimEnd('/')}/appCatalogs/teamsApps/{catalogAppId}";
        for (var attempt = 1; ; attempt++)
        {
            await PaceAsync(cancellationToken);
            try
            {
                // https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps: 201 with no body.
                // A new body each attempt: the model's backing store serializes only changed values after a send.
                var body = new UserScopeTeamsAppInstallation { AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = bind } };
                await client.Users[userId].Teamwork.InstalledApps.PostAsync(body, cancellationToken: cancellationToken);
                return PersonalAppInstallOutcome.Installed;
            }
            catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
            {
                return PersonalAppInstallOutcome.AlreadyInstalled;
            }
            catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
            {
                return PersonalAppInstallOutcome.NoTeams;
            }
            catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Forbidden)
            {
                return PersonalAppInstallOutcome.Policy;
            }
            catch (Exception e) when (attempt < maxAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(RetryAfter(e) ?? TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1))), time, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        // ODataError is an ApiException: one arm for both.
        Microsoft.Kiota.Abstractions.ApiException api => api.ResponseStatusCode is 429 or >= 500,
        HttpRequestException or TaskCanceledException => true,
        _ => false,
    };

    /// <summary>Graph's Retry-After in seconds on a 503 (https://learn.microsoft.com/en-us/graph/throttling), capped at a minute.</summary>
    private static TimeSpan? RetryAfter(Exception e) =>
        e is Microsoft.Kiota.Abstractions.ApiException { ResponseHeaders: { } headers }
        && headers.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 60))
            : null;

    // https://learn.microsoft.com/en-us/graph/api/appcatalogs-list-teamsapps (Example 2): the catalogue id from the manifest id.
    private async Task<string> CatalogAppIdAsync(CancellationToken cancellationToken)
    {
        if (_catalogAppId is { } known)
        {
            return known;
        }
        await _catalogGate.WaitAsync(cancellationToken);
        try
        {
            if (_catalogAppId is null)
            {
                var apps = await client.AppCatalogs.TeamsApps.GetAsync(r => r.QueryParameters.Filter = $"externalId eq '{manifestId}'", cancellationToken);
                _catalogAppId = apps?.Value?.FirstOrDefault()?.Id ?? throw new AppNotInCatalogException(manifestId);
            }
            return _catalogAppId;
        }
        finally
        {
            _catalogGate.Release();
        }
    }

    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_paceGate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
