using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>
/// The app in local mode on real Kestrel at 127.0.0.1 and a free port (the Playground calls it over the network),
/// with a SQLite file of its own.
/// </summary>
public sealed class LocalApp : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"leitbild-e2e-{Guid.NewGuid():N}.db");

    public string BaseUrl { get; private set; } = "";

    public LocalApp()
    {
        UseKestrel();
    }

    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Leitbild:DatabasePath", DatabasePath);
    }

    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
