using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Hosting;

public static class StartupErrors
{
    /// <summary>Runs the app; bad settings end it with one readable list of every problem instead of a stack trace.</summary>
    public static async Task<int> RunReportingBadSettingsAsync(WebApplication app, TextWriter error)
    {
        try
        {
            // Validate before the host starts, so the operator reads the list below and not the host's stack trace.
            _ = app.Services.GetRequiredService<IOptions<LeitbildOptions>>().Value;
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Leitbild.Teams startet nicht: Einstellungen fehlen oder sind ungültig. / Leitbild.Teams does not start: settings are missing or invalid.");
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"  - {failure}");
            }
            return 1;
        }
    }
}
