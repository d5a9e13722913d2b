namespace Leitbild.Teams.Bot.Authentication;

/// <summary>The signing keys could not be fetched and no usable earlier keys exist; try again after <see cref="RetryAfter"/>.</summary>
public sealed class SigningKeysUnavailableException(TimeSpan retryAfter)
    : Exception("The Bot Framework signing keys are unavailable.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
