using Leitbild.Teams.App.Cli;
using Leitbild.Teams.App.Hosting;

if (CommandLineVerbs.IsVerb(args))
{
    return await CommandLineVerbs.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddLeitbildServices();
var app = builder.Build();
app.MapLeitbild();
return await StartupErrors.RunReportingBadSettingsAsync(app, Console.Error);

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
