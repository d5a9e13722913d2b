using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.StaffDirectory;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.GraphSimulator;
using Leitbild.Teams.GraphSimulator.Directory;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.StaffDirectory;

/// <summary>The app in Microsoft 365 mode takes its people from the Graph simulator's Entra users, not from the template.</summary>
public sealed class EntraDirectorySyncTests : IAsyncLifetime
{
    private const string ClientId = "22222222-2222-2222-2222-222222222222";
    private readonly DirectoryFeature _entra = new() { AppId = ClientId };
    private GraphSimulatorHost _graph = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphSimulatorHost.StartAsync(_entra);
        _graph.Faults.RetryAfterSeconds = 0;
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private LocalAppFactory App(params (string Key, string? Value)[] extra) => new(
    [
        ("Leitbild:Mode", "Microsoft365"),
        ("Leitbild:Microsoft365:TenantId", "11111111-1111-1111-1111-111111111111"),
        ("Leitbild:Microsoft365:ClientId", ClientId),
        ("Leitbild:Microsoft365:ClientSecret", "test-only"),
        ("Leitbild:Microsoft365:SharePointSiteId", "contoso.sharepoint.com,1,2"),
        ("Leitbild:Microsoft365:GraphBaseUrl", _graph.BaseUrl.ToString()),
        ("Leitbild:AnonymousKey", new string('k', 40)),
        ("Leitbild:PublicBaseUrl", "https://leitbild.example"),
        .. extra,
    ]);

    private void AddStaff(int count, string? department, int offset = 0)
    {
        for (var i = offset + 1; i <= offset + count; i++)
        {
            _entra.AddUser(new SimulatedUser
            {
                Id = $"e0000000-0000-0000-0000-{i:D12}",
                DisplayName = $"Mitarbeitende {i}",
                Mail = $"m{i}@bergkamen.example",
                UserPrincipalName = $"m{i}@bergkamen.example",
                Department = department,
            });
        }
    }

    [Fact]
    public async Task EntraUsersFillTheTemplatesOfficesAndTheUnplacedAreReported()
    {
        await using var app = App();
        var planning = (await app.Services.GetRequiredService<Process.SeededDirectory>().GetOrganisationAsync(CancellationToken.None))
            .Divisions.SelectMany(d => d.Offices).First();
        var department = planning.Entra!.Departments[0];
        AddStaff(57, department);
        AddStaff(3, "Abteilung, die es im Template nicht gibt", offset: 57);
        _entra.AssignRole("e0000000-0000-0000-0000-000000000001", "User", EntraAppRoles.Organizer);

        var status = await app.Services.GetRequiredService<DirectorySyncWorker>().RunOnceAsync(CancellationToken.None);

        Assert.True(status.Ok, status.Error);
        var directory = app.Services.GetRequiredService<IDirectory>();
        Assert.IsType<EntraDirectory>(directory);
        var organisation = await directory.GetOrganisationAsync(CancellationToken.None);
        Assert.Equal(60, organisation.People.Count);
        Assert.Equal(57, (await directory.PeopleInUnitAsync(planning.Id, CancellationToken.None)).Count);
        // Nobody from the template's hand-written file is left.
        Assert.All(organisation.People, p => Assert.StartsWith("e0000000-", p.Id, StringComparison.Ordinal));
        var organizer = await directory.FindPersonAsync("e0000000-0000-0000-0000-000000000001", CancellationToken.None);
        Assert.True(organizer!.Has(Role.Organizer));
        Assert.False((await directory.FindPersonAsync("e0000000-0000-0000-0000-000000000002", CancellationToken.None))!.Has(Role.Organizer));

        using var health = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/healthz"));
        var reported = health.RootElement.GetProperty("directory");
        Assert.Equal(60, reported.GetProperty("people").GetInt32());
        Assert.Equal(3, reported.GetProperty("unplaced").GetInt32());
        Assert.True(reported.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.String, reported.GetProperty("lastSync").ValueKind);
    }

    [Fact]
    public async Task AFailedSyncKeepsTheLastGoodDirectoryAndHealthSaysDegraded()
    {
        await using var app = App();
        AddStaff(10, "Planungsamt");
        var worker = app.Services.GetRequiredService<DirectorySyncWorker>();
        Assert.True((await worker.RunOnceAsync(CancellationToken.None)).Ok);
        _graph.Faults.FailureRate = 1;
        _graph.Faults.RandomFaults = [FaultKind.ServiceUnavailable];

        var failed = await worker.RunOnceAsync(CancellationToken.None);

        Assert.False(failed.Ok);
        Assert.Equal(10, (await app.Services.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None)).People.Count);
        _graph.Faults.FailureRate = 0;
        var response = await app.CreateClient().GetAsync("/healthz");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("directory").GetProperty("ok").GetBoolean());
        Assert.Equal(10, health.GetProperty("directory").GetProperty("people").GetInt32());
    }

    [Fact]
    public async Task TheSyncSurvivesThirtyPercentThrottlingAndOutages()
    {
        await using var app = App();
        AddStaff(300, "Planungsamt");
        _graph.Faults.Seed(7);
        _graph.Faults.FailureRate = 0.3;

        var status = await app.Services.GetRequiredService<DirectorySyncWorker>().RunOnceAsync(CancellationToken.None);

        Assert.True(status.Ok, status.Error);
        Assert.Equal(300, (await app.Services.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None)).People.Count);
        Assert.True(_graph.Faults.InjectedCount > 0);
    }

    [Fact]
    public async Task ACorrectedDepartmentMappingInTheTemplateTakesEffectAtTheNextStart()
    {
        var template = Directory.CreateTempSubdirectory("leitbild-template-");
        var database = Path.Combine(Path.GetTempPath(), $"leitbild-remap-{Guid.NewGuid():N}.db");
        try
        {
            foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seed", "bergkamen")))
            {
                File.Copy(file, Path.Combine(template.FullName, Path.GetFileName(file)));
            }
            AddStaff(5, "Stadtplanung (neu)");
            (string, string?)[] settings = [("Leitbild:TemplatePath", template.FullName), ("Leitbild:DatabasePath", database)];
            await using (var first = App(settings))
            {
                Assert.True((await first.Services.GetRequiredService<DirectorySyncWorker>().RunOnceAsync(CancellationToken.None)).Ok);
                Assert.Equal(5, (await first.Services.GetRequiredService<EntraDirectory>().CurrentAsync(CancellationToken.None)).Unplaced.Count);
            }

            // The city adds the department name it found in the "ohne Amt" list to an office of its template.
            var path = Path.Combine(template.FullName, "organisation.json");
            var organisation = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
            var office = organisation["divisions"]![0]!["offices"]![0]!;
            office["entra"]!["departments"]!.AsArray().Add("Stadtplanung (neu)");
            File.WriteAllText(path, organisation.ToJsonString());

            await using var second = App(settings);
            Assert.True((await second.Services.GetRequiredService<DirectorySyncWorker>().RunOnceAsync(CancellationToken.None)).Ok);
            Assert.Empty((await second.Services.GetRequiredService<EntraDirectory>().CurrentAsync(CancellationToken.None)).Unplaced);
            Assert.Equal(5, (await second.Services.GetRequiredService<IDirectory>().PeopleInUnitAsync(office["id"]!.GetValue<string>(), CancellationToken.None)).Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            template.Delete(recursive: true);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }
}
