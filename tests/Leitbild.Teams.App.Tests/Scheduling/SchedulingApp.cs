using Leitbild.Teams.Core.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Leitbild.Teams.App.Tests.Scheduling;

/// <summary>The whole app in local mode on its own temporary SQLite file, with a clock that stands still on a Friday
/// before the test weeks (1 May 2026, 9:00 Berlin).</summary>
public sealed class SchedulingApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leitbild-scheduling-").FullName;

    public FakeTimeProvider Time { get; } = new(BerlinTime.ToInstant(new DateOnly(2026, 5, 1), new TimeOnly(9, 0)));

    public static class Seeded
    {
        public const string Organizer = "0374d0fd-4d54-5dd6-9642-c253379975a1";
        public const string ModeratorA = "5fc7a9bd-383f-5151-97f7-6746dba5e07b";
        public const string ModeratorB = "82d7244d-fdac-562f-ad58-2bff5c57ce88";
        public const string ModeratorAEmail = "moderation.erfundenhaus@beratung.example";
        public const string PlanningOffice = "sta-61";
        public const string Ratssaal = "ratssaal@raeume.bergkamen.example";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Leitbild:DatabasePath", Path.Combine(_folder, "leitbild.db"));
        builder.UseSetting("Leitbild:Mode", "Local");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public T Get<T>() where T : notnull
    {
        _ = Server; // starts the host: migrations and seeding run first
        return Services.GetRequiredService<T>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
