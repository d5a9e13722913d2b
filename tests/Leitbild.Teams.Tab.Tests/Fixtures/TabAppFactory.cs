using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Tab.Tests.Fixtures;

/// <summary>The whole app with its own SQLite file (deleted afterwards), in local or Microsoft 365 mode.</summary>
public sealed class TabAppFactory : WebApplicationFactory<Program>
{
    private readonly (string Key, string? Value)[] _settings;
    private readonly Action<IServiceCollection>? _testServices;

    private readonly bool _ownsDatabase;

    public TabAppFactory((string Key, string? Value)[] settings, Action<IServiceCollection>? testServices = null, string? databasePath = null)
    {
        _settings = settings;
        _testServices = testServices;
        _ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"leitbild-tab-test-{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    /// <summary>Local mode; with a database path, on that existing file (which the caller deletes).</summary>
    public static TabAppFactory Local(string? databasePath = null) => new([("Leitbild:Mode", "Local")], databasePath: databasePath);

    /// <summary>Microsoft 365 mode whose Entra scheme trusts the test's signing key instead of downloading Entra's keys.</summary>
    public static TabAppFactory Microsoft365(EntraTokens tokens) => new(
        [
            ("Leitbild:Mode", "Microsoft365"),
            ("Leitbild:Microsoft365:TenantId", EntraTokens.TenantId),
            ("Leitbild:Microsoft365:ClientId", EntraTokens.ClientId),
            ("Leitbild:Microsoft365:ClientSecret", "not-used-by-these-tests"),
            ("Leitbild:Microsoft365:SharePointSiteId", "contoso.sharepoint.com,1,2"),
            ("Leitbild:AnonymousKey", "0123456789abcdef0123456789abcdef-test"),
            ("Leitbild:PublicBaseUrl", "https://" + EntraTokens.Domain),
        ],
        tokens.TrustSigningKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Leitbild:DatabasePath", DatabasePath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
