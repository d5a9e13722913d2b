using Leitbild.Teams.Tab.Tests.Fixtures;

namespace Leitbild.Teams.Tab.Tests.Polls;

/// <summary>Poll drafts as the tab's form posts them (camelCase JSON, enum names as strings).</summary>
public static class PollDrafts
{
    public static readonly string[] ThreeGoals = ["klima-1", "wohnen-1", "mobilitaet-1"];

    public static object Rating(object? audience = null, string? deadline = null, bool anonymous = false) => new
    {
        phaseId = "workshop-1",
        title = new { de = "Zieldiskussion Klima, Wohnen, Mobilität", en = "Goal discussion climate, housing, mobility" },
        questions = new object[]
        {
            new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig ist Ihnen dieses Ziel?", en = "How important is this goal to you?" }, goalIds = ThreeGoals },
            new { id = "q2", kind = "freeText", prompt = new { de = "Was fehlt?", en = "What is missing?" }, goalIds = new[] { "klima-2" }, maxLength = 200 },
        },
        settings = new { anonymous, visibility = "afterClose", deadline },
        audience = audience ?? People(SeededPeople.Staff, SeededPeople.Reviewer),
    };

    public static object People(params string[] ids) => new { kind = "people", personIds = ids };

    /// <summary>Three mistakes at once: no title, a phase that does not exist, a goal that is not in the catalogue.</summary>
    public static object Broken() => new
    {
        phaseId = "workshop-9",
        title = new { de = "", en = "" },
        questions = new object[]
        {
            new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig?", en = "How important?" }, goalIds = new[] { "klima-1", "erfunden-7" } },
        },
        settings = new { anonymous = false, visibility = "live" },
        audience = new { kind = "allInstalled" },
    };
}
