using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Core.Tests.Evaluation;

/// <summary>A small hand-made process: interviews, two workshops; two fields with two goals each; three Dezernate.</summary>
internal static class EvaluationSamples
{
    public static readonly ProcessTemplate Sample = new()
    {
        Id = "p",
        City = "Musterstadt",
        Title = new("Leitbild Musterstadt", "Musterstadt vision"),
        LeadOfficeId = "a1",
        Phases =
        [
            Phase("interviews", PhaseKind.Interviews, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)),
            Phase("w1", PhaseKind.Workshop, new DateOnly(2024, 5, 14), new DateOnly(2024, 5, 14)),
            Phase("w2", PhaseKind.Workshop, new DateOnly(2024, 6, 18), new DateOnly(2024, 6, 18)),
        ],
    };

    public static readonly GoalCatalogue Goals = new()
    {
        FieldsOfAction =
        [
            new FieldOfAction { Id = "klima", Title = new("Klima", "Climate"), Goals = [Goal("klima-1", "Klimaneutral"), Goal("klima-2", "Hitzeschutz")] },
            new FieldOfAction { Id = "wohnen", Title = new("Wohnen", "Housing"), Goals = [Goal("wohnen-1", "Bezahlbar"), Goal("wohnen-2", "Im Bestand")] },
        ],
    };

    public static readonly Organisation Organisation = new()
    {
        Divisions =
        [
            Division("dez-a", "a1"),
            Division("dez-b", "b1"),
            Division("dez-c", "c1"),
        ],
        People = [],
    };

    public static Phase Phase(string id, PhaseKind kind, DateOnly start, DateOnly end) =>
        new() { Id = id, Kind = kind, Title = new(id, id), PlannedStart = start, PlannedEnd = end };

    private static Goal Goal(string id, string text) => new() { Id = id, Text = new(text, text) };

    private static Division Division(string id, string office) =>
        new() { Id = id, Name = new(id, id), Offices = [new Office { Id = office, Code = office.ToUpperInvariant(), Name = new(office, office) }] };

    public static Answer Rating(string poll, string phase, string goal, int person, int rating, string? office) => new()
    {
        PollId = poll,
        QuestionId = "q-" + goal,
        GoalId = goal,
        FieldOfActionId = goal.Split('-')[0],
        Value = AnswerValue.OfRating(rating),
        DepartmentId = office,
        RespondentKey = $"{poll}-person-{person}",
        AnsweredAt = new DateTimeOffset(2024, 5, 14, 10, 0, 0, TimeSpan.Zero).AddMinutes(person),
        PhaseId = phase,
        Channel = AnswerChannel.Workshop,
        AppVersion = "1",
    };
}
