using System.Security.Claims;
using Microsoft.Identity.Abstractions;

namespace Leitbild.Teams.Graph.Tests.Fakes;

/// <summary>Stands in for Microsoft.Identity.Web's token acquirer: hands out one app token and records the scopes asked for.</summary>
internal sealed class FixedTokenAcquirer(string token) : ITokenAcquirer
{
    public List<string> AppScopes { get; } = [];

    public Task<AcquireTokenResult> GetTokenForAppAsync(string scope, AcquireTokenOptions? tokenAcquisitionOptions = null, CancellationToken cancellationToken = default)
    {
        AppScopes.Add(scope);
        return Task.FromResult(new AcquireTokenResult(token, DateTimeOffset.UtcNow.AddHours(1), "tenant", "id-token", [scope], Guid.NewGuid(), "Bearer"));
    }

    public Task<AcquireTokenResult> GetTokenForUserAsync(IEnumerable<string> scopes, AcquireTokenOptions? tokenAcquisitionOptions = null, ClaimsPrincipal? user = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The SharePoint adapter acts as the app, never as a user.");
}
