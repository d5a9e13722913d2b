namespace Leitbild.Teams.Bot.Hosting;

public sealed class BotEndpointOptions
{
    /// <summary>Larger request bodies are refused with 413 before they are parsed.</summary>
    public long MaxRequestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// How long a processed activity is remembered, so a retry does not run its handler again. Teams retries within
    /// seconds to minutes; the record is forgotten after this, so it cannot be lined up with anything later.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromMinutes(10);
}
