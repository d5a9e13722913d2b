using System.Globalization;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>How the report writes figures, dates and the evaluation's terms (German, as the committees read it).</summary>
internal static class ReportFormat
{
    public const string Language = "de";
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string T(string key) => Texts.Get(key, Language);

    public static string F(string key, params object[] args) => Texts.Format(key, Language, args);

    public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", German);

    public static string Day(DateTimeOffset at) => Day(BerlinTime.LocalDate(at));

    public static string Number(int value) => value.ToString("N0", German);

    public static string Decimal(double? value) => value is { } v ? v.ToString("0.0", German) : "–";

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0", German) + " %" : "–";

    public static string PhaseDates(PhaseEvaluation phase)
    {
        var range = phase.Start == phase.End ? Day(phase.Start) : $"{Day(phase.Start)} – {Day(phase.End)}";
        return phase.StartIsActual && phase.EndIsActual ? range : $"{range} ({T("report.dates.planned")})";
    }

    public static string Kind(PhaseKind kind) => T("report.phaseKind." + Camel(kind.ToString()));

    public static string Status(PhaseStatus status) => Texts.Get("phase.status." + Camel(status.ToString()), Language);

    public static string Level(AgreementLevel level) => T("report.level." + Camel(level.ToString()));

    public static string Outcome(GoalOutcomeKind kind) => T("report.outcome." + Camel(kind.ToString()));

    public static string Priority(GoalPriority? priority) => priority is { } p ? T("report.priority." + Camel(p.ToString())) : "–";

    public static string Sentiment(StatementSentiment sentiment) => T("report.sentiment." + Camel(sentiment.ToString()));

    public static string State(GoalStanding standing, Func<string, string> goalLabel) => standing.State switch
    {
        GoalState.Merged => F("report.state.mergedInto", goalLabel(standing.MergedInto ?? "?")),
        GoalState.Dropped => T("report.state.dropped"),
        _ => standing.Text.De,
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
