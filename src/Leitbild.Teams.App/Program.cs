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
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
