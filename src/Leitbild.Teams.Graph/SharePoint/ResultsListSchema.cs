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

public sealed record ListSchema(string DisplayName, string Description, IReadOnlyList<ListColumn> Columns);

/// <summary>The two lists department heads open in SharePoint. Column names are the contract with AnswerFields/SummaryFields.</summary>
public static class ResultsLists
{
    public const string AnswersTitle = "Leitbild – Rückmeldungen";
    public const string SummariesTitle = "Leitbild – Zielbewertung";

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

    /// <summary>Indexed: the key (every upsert looks it up), poll and goal (reads), department (reads by Amt).</summary>
    public static ListSchema Answers { get; } = new(AnswersTitle, "Rückmeldungen aus dem Leitbildprozess (eine Zeile je Person und Frage)",
    [
        new("AnswerKey", "Schlüssel", ListColumnKind.Text, Indexed: true),
        new("PollId", "Umfrage", ListColumnKind.Text, Indexed: true),
        new("QuestionId", "Frage", ListColumnKind.Text),
        new("GoalId", "Ziel", ListColumnKind.Text, Indexed: true),
        new("FieldOfAction", "Handlungsfeld", ListColumnKind.Text),
        new("AnswerKind", "Antwortart", ListColumnKind.Choice) { Choices = [.. KindLabels.Values] },
        new("Rating", "Bewertung (1–5)", ListColumnKind.Number) { Minimum = 1, Maximum = 5 },
        new("Choices", "Auswahl", ListColumnKind.Text),
        new("Rank", "Rang", ListColumnKind.Number) { Minimum = 1, Maximum = AnswerValidator.MaxRank },
        new("AnswerText", "Kommentar", ListColumnKind.Note),
        new("Department", "Amt", ListColumnKind.Text, Indexed: true),
        new("RespondentKey", "Person (Schlüssel)", ListColumnKind.Text),
        new("AnsweredAt", "Beantwortet am", ListColumnKind.DateTime),
        new("Phase", "Baustein", ListColumnKind.Text),
        new("Channel", "Kanal", ListColumnKind.Choice) { Choices = [.. ChannelLabels.Values] },
        new("AppVersion", "App-Version", ListColumnKind.Text),
    ]);

    public static ListSchema Summaries { get; } = new(SummariesTitle, "Bewertung je Ziel, von Leitbild.Teams aktuell gehalten",
    [
        new("GoalId", "Ziel", ListColumnKind.Text, Indexed: true),
        new("FieldOfAction", "Handlungsfeld", ListColumnKind.Text),
        new("AnswerCount", "Antworten", ListColumnKind.Number),
        new("RespondentCount", "Personen", ListColumnKind.Number),
        new("RatingCount", "Bewertungen", ListColumnKind.Number),
        new("NoAnswerCount", "Keine Angabe", ListColumnKind.Number),
        new("MeanRating", "Mittelwert", ListColumnKind.Number) { Decimals = true },
        new("Distribution", "Verteilung (1–5)", ListColumnKind.Text),
        new("Comments", "Kommentare", ListColumnKind.Note),
        new("UpdatedAt", "Aktualisiert am", ListColumnKind.DateTime),
    ]);

    public static IReadOnlyList<ListSchema> All { get; } = [Answers, Summaries];
}
