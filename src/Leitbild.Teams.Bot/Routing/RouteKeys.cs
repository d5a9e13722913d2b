namespace Leitbild.Teams.Bot.Routing;

/// <summary>Names in card data that routing reads.</summary>
public static class RouteKeys
{
    /// <summary>
    /// Action.Submit and task/fetch carry their route in <c>data.verb</c>, the same word an Action.Execute
    /// carries in <c>verb</c>, so one card action reaches one handler family whichever way the client sends it.
    /// </summary>
    public const string Verb = "verb";
}
