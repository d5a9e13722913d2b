using Leitbild.Teams.Core.Results;

namespace Leitbild.Teams.Graph.SharePoint;

/// <summary>
/// The names department heads and the planning office read beside the codes in the SharePoint lists: goal wording,
/// field of action, office and division, poll title, question and choice texts, and for named polls the person.
/// The codes stay in their own columns: they are the keys that make every write idempotent.
/// </summary>
public sealed record ResultsLabels
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Goals { get; init; } = Empty;
    public IReadOnlyDictionary<string, string> FieldsOfAction { get; init; } = Empty;
    /// <summary>Office id → code and name, e.g. "StA 61 Stadtplanungsamt".</summary>
    public IReadOnlyDictionary<string, string> Offices { get; init; } = Empty;
    /// <summary>Office id → the name of its division (Dezernat).</summary>
    public IReadOnlyDictionary<string, string> DivisionsOfOffices { get; init; } = Empty;
    public IReadOnlyDictionary<string, string> Polls { get; init; } = Empty;
    /// <summary>Keyed by <see cref="QuestionKey"/>.</summary>
    public IReadOnlyDictionary<string, string> Questions { get; init; } = Empty;
    /// <summary>Keyed by <see cref="ChoiceKey"/>.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; init; } = Empty;
    /// <summary>Respondent key → display name; only respondents of named polls are ever in here.</summary>
    public IReadOnlyDictionary<string, string> People { get; init; } = Empty;
    /// <summary>What an office row says while its group is below the minimum size.</summary>
    public string TooFewAnswers { get; init; } = "";

    /// <summary>Codes only: what a list shows where no names are known.</summary>
    public static ResultsLabels None { get; } = new();

    public static string QuestionKey(string pollId, string questionId) => $"{pollId}:{questionId}";

    public static string ChoiceKey(string pollId, string questionId, string optionId) => $"{pollId}:{questionId}:{optionId}";

    public string? Goal(string goalId) => Goals.GetValueOrDefault(goalId);

    public string? FieldOfAction(string? fieldId) => fieldId is null ? null : FieldsOfAction.GetValueOrDefault(fieldId);

    public string? Office(string? officeId) => officeId is null ? null : Offices.GetValueOrDefault(officeId);

    public string? DivisionOf(string? officeId) => officeId is null ? null : DivisionsOfOffices.GetValueOrDefault(officeId);

    public string? Poll(string pollId) => Polls.GetValueOrDefault(pollId);

    public string? Question(string pollId, string questionId) => Questions.GetValueOrDefault(QuestionKey(pollId, questionId));

    /// <summary>The option's text, or its id where the poll no longer names it.</summary>
    public string Choice(string pollId, string questionId, string optionId) =>
        Choices.GetValueOrDefault(ChoiceKey(pollId, questionId, optionId)) ?? optionId;

    public string? Person(string respondentKey) => People.GetValueOrDefault(respondentKey);
}

/// <summary>Where the SharePoint adapter gets the names for the codes it writes (the catalogue, the organisation, the polls).</summary>
public interface IResultsLabelSource
{
    /// <summary>
    /// The whole catalogue and organisation, plus the polls, questions and choices of these answers and — for named polls
    /// only — the names of their respondents.
    /// </summary>
    Task<ResultsLabels> GetAsync(IReadOnlyCollection<Answer> answers, CancellationToken cancellationToken);
}

/// <summary>A source that knows no names: lists show codes (tests of the store's mechanics, benchmarks).</summary>
public sealed class NoResultsLabels : IResultsLabelSource
{
    public Task<ResultsLabels> GetAsync(IReadOnlyCollection<Answer> answers, CancellationToken cancellationToken) => Task.FromResult(ResultsLabels.None);
}
