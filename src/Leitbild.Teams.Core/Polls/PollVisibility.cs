namespace Leitbild.Teams.Core.Polls;

/// <summary>Whether a respondent's card may show the results now.</summary>
public static class PollVisibility
{
    public static bool RespondentsSeeResults(Poll poll, DateTimeOffset now) => poll.Settings.Visibility switch
    {
        ResultsVisibility.Live => true,
        ResultsVisibility.AfterClose => poll.IsClosedAt(now),
        _ => false,
    };
}
