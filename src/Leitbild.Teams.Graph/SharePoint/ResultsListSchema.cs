using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.Client;
using Microsoft.Graph.Models;

namespace Leitbild.Teams.Graph.SharePoint;

public enum ListColumnKind
{
    Text,
    Note,
    Number,
    Choice,
    DateTime,
}

/// <summary>One column: an English internal name for code, a German display name for the people who open the list.</summary>
public sealed record ListColumn(string Name, string DisplayName, ListColumnKind Kind, bool Indexed = false)
{
    public IReadOnlyList<string> Choices { get; init; } = [];
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public bool Decimals { get; init; }

    /// <summary>
    /// As Graph's columnDefinition wants it: exactly one type facet (text, number, choice, dateTime)
    /// (https://learn.microsoft.com/graph/api/resources/columndefinition, https://learn.microsoft.com/graph/api/list-post-columns).
    /// </summary>
    public ColumnDefinition ToDefinition() => new()
    {
        Name = Name,
        DisplayName = DisplayName,
        Indexed = Indexed,
        EnforceUniqueValues = false,
        Text = Kind switch
        {
            ListColumnKind.Text => new TextColumn { AllowMultipleLines = false, MaxLength = 255 },
            ListColumnKind.Note => new TextColumn { AllowMultipleLines = true, LinesForEditing = 6 },
            _ => null,
        },
        Number = Kind == ListColumnKind.Number ? new NumberColumn { DecimalPlaces = Decimals ? "two" : "none", Minimum = Minimum, Maximum = Maximum } : null,
        Choice = Kind == ListColumnKind.Choice ? new ChoiceColumn { Choices = [.. Choices], DisplayAs = "dropDownMenu", AllowTextEntry = false } : null,
        DateTime = Kind == ListColumnKind.DateTime ? new DateTimeColumn { DisplayAs = "standard", Format = "dateTime" } : null,
    };
}

public sealed record ListSchema(string DisplayName, string Description, IReadOnlyList<ListColumn> Columns)
{
    /// <summary>The views provisioning creates (SharePoint REST; Graph v1.0 has none); the first is the list's default.</summary>
    public IReadOnlyList<ListView> Views { get; init; } = [];
}

/// <summary>
/// A public list view: the columns it shows and a CAML query (grouping and order). Grouping by poll or field of action
/// gives one section per poll or field, including polls created after provisioning, which one view per poll could not.
/// </summary>
public sealed record ListView(string Title, IReadOnlyList<string> Fields, string Query);

/// <summary>The two lists department heads open in SharePoint. Column names are the contract with AnswerFields/SummaryFields.</summary>
public static class ResultsLists
{
    public const string AnswersTitle = "Leitbild – Rückmeldungen";
    public const string SummariesTitle = "Leitbild – Zielbewertung";
    public const string OfficeSummariesTitle = "Leitbild – Zielbewertung nach Amt";

    public static IReadOnlyDictionary<AnswerKind, string> KindLabels { get; } = new Dictionary<AnswerKind, string>
    {
        [AnswerKind.Rating] = "Bewertung",
        [AnswerKind.NoAnswer] = "keine Angabe",
        [AnswerKind.Choice] = "Auswahl",
        [AnswerKind.Rank] = "Rangfolge",
        [AnswerKind.Text] = "Freitext",
    };

    public static IReadOnlyDictionary<AnswerChannel, string> ChannelLabels { get; } = new Dictionary<AnswerChannel, string>
    {
        [AnswerChannel.Chat] = "Chat",
        [AnswerChannel.Workshop] = "Workshop",
        [AnswerChannel.Interview] = "Interview",
    };

    /// <summary>
    /// Indexed: the key (every upsert looks it up), poll and goal (reads), department (reads by Amt), the person (a named
    /// poll's answers are found by it when that person's data is erased, Art. 17). The code columns
    /// ("… (Kennung)") are what the app reads back; the name columns beside them are what people read.
    /// </summary>
    public static ListSchema Answers { get; } = new(AnswersTitle, "Rückmeldungen aus dem Leitbildprozess (eine Zeile je Person und Frage)",
    [
        new("AnswerKey", "Schlüssel", ListColumnKind.Text, Indexed: true),
        new("PollId", "Umfrage (Kennung)", ListColumnKind.Text, Indexed: true),
        new("QuestionId", "Frage (Kennung)", ListColumnKind.Text),
        new("GoalId", "Ziel (Kennung)", ListColumnKind.Text, Indexed: true),
        new("FieldOfAction", "Handlungsfeld (Kennung)", ListColumnKind.Text),
        new("AnswerKind", "Antwortart", ListColumnKind.Choice) { Choices = [.. KindLabels.Values] },
        new("Rating", "Bewertung (1–5)", ListColumnKind.Number) { Minimum = 1, Maximum = 5 },
        new("Choices", "Auswahl (Kennungen)", ListColumnKind.Text),
        new("Rank", "Rang", ListColumnKind.Number) { Minimum = 1, Maximum = AnswerValidator.MaxRank },
        new("AnswerText", "Kommentar", ListColumnKind.Note),
        new("Department", "Amt (Kennung)", ListColumnKind.Text, Indexed: true),
        new("RespondentKey", "Person (Schlüssel)", ListColumnKind.Text, Indexed: true),
        new("AnsweredAt", "Beantwortet am", ListColumnKind.DateTime),
        new("Phase", "Baustein", ListColumnKind.Text),
        new("Channel", "Kanal", ListColumnKind.Choice) { Choices = [.. ChannelLabels.Values] },
        new("AppVersion", "App-Version", ListColumnKind.Text),
        new("PollTitle", "Umfrage", ListColumnKind.Text),
        new("QuestionText", "Frage", ListColumnKind.Text),
        new("GoalText", "Ziel", ListColumnKind.Text),
        new("FieldOfActionName", "Handlungsfeld", ListColumnKind.Text),
        new("OfficeName", "Amt", ListColumnKind.Text),
        new("DivisionName", "Dezernat", ListColumnKind.Text),
        new("ChoiceTexts", "Auswahl", ListColumnKind.Text),
        new("PersonName", "Person", ListColumnKind.Text),
    ])
    {
        Views =
        [
            new("Nach Umfrage", ["PollTitle", "QuestionText", "GoalText", "AnswerKind", "Rating", "ChoiceTexts", "Rank", "AnswerText", "OfficeName", "PersonName", "AnsweredAt"],
                GroupBy("PollTitle", "QuestionText") + OrderBy("GoalText")),
            new("Nach Handlungsfeld", ["FieldOfActionName", "GoalText", "PollTitle", "AnswerKind", "Rating", "ChoiceTexts", "Rank", "AnswerText", "OfficeName", "AnsweredAt"],
                GroupBy("FieldOfActionName", "GoalText") + OrderBy("PollTitle")),
        ],
    };

    public static ListSchema Summaries { get; } = new(SummariesTitle, "Bewertung je Ziel, von Leitbild.Teams aktuell gehalten",
    [
        new("GoalId", "Ziel (Kennung)", ListColumnKind.Text, Indexed: true),
        new("FieldOfAction", "Handlungsfeld (Kennung)", ListColumnKind.Text),
        new("AnswerCount", "Antworten", ListColumnKind.Number),
        new("RespondentCount", "Personen", ListColumnKind.Number),
        new("RatingCount", "Bewertungen", ListColumnKind.Number),
        new("NoAnswerCount", "Keine Angabe", ListColumnKind.Number),
        new("MeanRating", "Mittelwert", ListColumnKind.Number) { Decimals = true },
        new("Distribution", "Verteilung (1–5)", ListColumnKind.Text),
        new("Comments", "Kommentare", ListColumnKind.Note),
        new("UpdatedAt", "Aktualisiert am", ListColumnKind.DateTime),
        new("GoalText", "Ziel", ListColumnKind.Text),
        new("FieldOfActionName", "Handlungsfeld", ListColumnKind.Text),
    ])
    {
        Views =
        [
            new("Nach Handlungsfeld", ["GoalText", "RespondentCount", "RatingCount", "NoAnswerCount", "MeanRating", "Distribution", "Comments", "UpdatedAt"],
                GroupBy("FieldOfActionName") + OrderBy("GoalText")),
        ],
    };

    /// <summary>
    /// One row per goal and office, for the department heads: numbers only where the office's group is large enough
    /// (Core's rule), otherwise a note that there are too few answers yet.
    /// </summary>
    public static ListSchema OfficeSummaries { get; } = new(OfficeSummariesTitle, "Bewertung je Ziel und Amt (nur ab der Mindestgruppengröße), von Leitbild.Teams aktuell gehalten",
    [
        new("RowKey", "Schlüssel", ListColumnKind.Text, Indexed: true),
        new("GoalId", "Ziel (Kennung)", ListColumnKind.Text, Indexed: true),
        new("GoalText", "Ziel", ListColumnKind.Text),
        new("FieldOfAction", "Handlungsfeld (Kennung)", ListColumnKind.Text),
        new("FieldOfActionName", "Handlungsfeld", ListColumnKind.Text),
        new("Department", "Amt (Kennung)", ListColumnKind.Text, Indexed: true),
        new("OfficeName", "Amt", ListColumnKind.Text),
        new("DivisionName", "Dezernat", ListColumnKind.Text),
        new("Status", "Hinweis", ListColumnKind.Text),
        new("RespondentCount", "Personen", ListColumnKind.Number),
        new("RatingCount", "Bewertungen", ListColumnKind.Number),
        new("MeanRating", "Mittelwert", ListColumnKind.Number) { Decimals = true },
        new("Distribution", "Verteilung (1–5)", ListColumnKind.Text),
        new("UpdatedAt", "Aktualisiert am", ListColumnKind.DateTime),
    ])
    {
        Views =
        [
            new("Nach Amt", ["GoalText", "FieldOfActionName", "Status", "RespondentCount", "RatingCount", "MeanRating", "Distribution", "UpdatedAt"],
                GroupBy("DivisionName", "OfficeName") + OrderBy("GoalText")),
            new("Nach Handlungsfeld", ["GoalText", "OfficeName", "Status", "RespondentCount", "RatingCount", "MeanRating", "Distribution", "UpdatedAt"],
                GroupBy("FieldOfActionName", "GoalText") + OrderBy("OfficeName")),
        ],
    };

    public static IReadOnlyList<ListSchema> All { get; } = [Answers, Summaries, OfficeSummaries];

    /// <summary>CAML grouping (at most two levels, as SharePoint's view settings allow), groups collapsed.</summary>
    private static string GroupBy(params string[] fields) =>
        "<GroupBy Collapse=\"TRUE\" GroupLimit=\"100\">" + string.Concat(fields.Select(f => $"<FieldRef Name=\"{f}\" />")) + "</GroupBy>";

    private static string OrderBy(string field) => $"<OrderBy><FieldRef Name=\"{field}\" /></OrderBy>";
}
