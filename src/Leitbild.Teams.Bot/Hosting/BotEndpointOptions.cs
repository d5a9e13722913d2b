namespace Leitbild.Teams.Bot.Hosting;

public sealed class BotEndpointOptions
{
    /// <summary>Larger request bodies are refused with 413 before they are parsed.</summary>
    public long MaxRequestBodyBytes { get; set; } = 512 * 1024;
}
