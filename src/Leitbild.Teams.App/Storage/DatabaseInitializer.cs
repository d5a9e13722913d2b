using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Storage;

/// <summary>At start: apply migrations, then seed the template once (the organisation's units follow it in Microsoft 365 mode). Runs before the server takes requests.</summary>
public sealed class DatabaseInitializer(
    MigrationRunner migrations,
    SqliteProcessStore processes,
    SeededDirectory directory,
    IOptions<LeitbildOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrations.ApplyAsync(cancellationToken);
        var template = TemplateFiles.Load(options.Value.TemplatePath);
        var seededProcess = await processes.SeedAsync(template, cancellationToken);
        var seededDirectory = await directory.SeedAsync(template.Organisation, cancellationToken, followTemplate: options.Value.Mode == AppMode.Microsoft365);
        logger.LogInformation(
            "Database ready: {MigrationCount} migrations applied, process {ProcessId} seeded: {SeededProcess}, directory seeded: {SeededDirectory}",
            applied.Count, template.Process.Id, seededProcess, seededDirectory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
