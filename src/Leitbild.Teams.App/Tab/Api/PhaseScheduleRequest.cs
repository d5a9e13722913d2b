using System.Globalization;
using System.Text.Json;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Tab.Api;

/// <summary>
/// The body of <c>PUT /api/tab/process/phases/{id}</c>, as the form sends it: ISO dates (yyyy-MM-dd) as strings, empty
/// for "not set", and the status name. Read as strings so every wrong field gets its own message instead of one
/// generic "bad JSON".
/// </summary>
public sealed record PhaseScheduleRequest(string? PlannedStart, string? PlannedEnd, string? ActualStart, string? ActualEnd, string? Status)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>The change, or every problem by field (in the request's language). Rules between fields come from Core.</summary>
    public (PhaseScheduleChange? Change, Dictionary<string, string[]> Errors) Parse(string language)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var plannedStart = ParseDate("plannedStart", PlannedStart, required: true, language, errors);
        var plannedEnd = ParseDate("plannedEnd", PlannedEnd, required: true, language, errors);
        var actualStart = ParseDate("actualStart", ActualStart, required: false, language, errors);
        var actualEnd = ParseDate("actualEnd", ActualEnd, required: false, language, errors);
        var status = ParseStatus(language, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var change = new PhaseScheduleChange
        {
            PlannedStart = plannedStart!.Value,
            PlannedEnd = plannedEnd!.Value,
            ActualStart = actualStart,
            ActualEnd = actualEnd,
            Status = status!.Value,
        };
        foreach (var problem in change.Problems())
        {
            Add(errors, problem.Field, problem.Problem.In(language));
        }
        return errors.Count > 0 ? (null, errors) : (change, errors);
    }

    public static async Task<(PhaseScheduleRequest? Request, string? Problem)> ReadAsync(HttpRequest request, string language, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Texts.Get("tab.api.bodyInvalid", language));
        }
        try
        {
            var body = await request.ReadFromJsonAsync<PhaseScheduleRequest>(JsonSerializerOptions.Web, cancellationToken);
            return body is null ? (null, Texts.Get("tab.api.bodyInvalid", language)) : (body, null);
        }
        catch (JsonException)
        {
            return (null, Texts.Get("tab.api.bodyInvalid", language));
        }
    }

    private static DateOnly? ParseDate(string field, string? value, bool required, string language, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(errors, field, Texts.Get("tab.api.dateRequired", language));
            }
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(errors, field, Texts.Format("tab.api.dateInvalid", language, value));
            return null;
        }
        if (date < Earliest || date > Latest)
        {
            Add(errors, field, Texts.Format("tab.api.dateOutOfRange", language, value));
            return null;
        }
        return date;
    }

    private PhaseStatus? ParseStatus(string language, Dictionary<string, string[]> errors)
    {
        // Enum.TryParse also takes numbers ("7"); only the four names are a status.
        if (Status is not null && Enum.GetNames<PhaseStatus>().FirstOrDefault(n => n.Equals(Status, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<PhaseStatus>(name);
        }
        Add(errors, "status", Texts.Format("tab.api.statusInvalid", language, Status ?? string.Empty));
        return null;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
