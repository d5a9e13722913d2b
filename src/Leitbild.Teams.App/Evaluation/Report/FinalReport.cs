using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using static Leitbild.Teams.App.Evaluation.Report.ReportFormat;

namespace Leitbild.Teams.App.Evaluation.Report;

/// <summary>
/// The Abschlussbericht as a Word document: title page, process summary, participation, results per field of action
/// with tables and charts, the changes between the workshops, the goals in their final wording, and the methods.
/// Deterministic: document properties and dates come from the data (<see cref="ProcessEvaluation.AsOf"/>), ids are
/// counted, and the package is written with fixed entry times, so the same data gives the same bytes.
/// </summary>
public static class FinalReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(ProcessEvaluation evaluation, Organisation organisation)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = WordStyles.Create();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 708 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new ThemeFontLanguages { Val = "de-DE" });
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
                new Run(new Text(T("report.footer.page") + " ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));

            var body = new Body();
            main.Document = new Document(body);
            var writer = new WordWriter(main, body);
            var goals = new ReportGoals(evaluation);
            TitlePage(writer, evaluation, organisation);
            Summary(writer, evaluation);
            ProcessCourse(writer, evaluation);
            Participation(writer, evaluation, organisation);
            Results(writer, evaluation, organisation, goals);
            Comparison(writer, evaluation, goals);
            FinalGoals(writer, evaluation);
            Methods(writer, evaluation, goals);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1417, Right = 1418U, Bottom = 1134, Left = 1418U, Header = 708U, Footer = 708U, Gutter = 0U },
                new TitlePage()));

            // Core properties from the data, never the clock, in the SDK's docProps/core.xml (System.IO.Packaging would
            // name its own part with a random suffix).
            using (var core = document.AddNewPart<CoreFilePropertiesPart>("rIdCore").GetStream(FileMode.Create))
            {
                CoreProperties(evaluation).Save(core);
            }
        }
        return Repack(stream.ToArray());
    }

    private static XDocument CoreProperties(ProcessEvaluation evaluation)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var stamp = evaluation.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new XDocument(new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp),
            new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XAttribute(XNamespace.Xmlns + "dcterms", dcterms),
            new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XElement(dc + "title", F("report.title.document", evaluation.Process.Title.De)),
            new XElement(dc + "creator", "Leitbild.Teams"),
            new XElement(dc + "language", "de-DE"),
            new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"), stamp),
            new XElement(dcterms + "modified", new XAttribute(xsi + "type", "dcterms:W3CDTF"), stamp)));
    }

    /// <summary>Rewrites the package with every entry dated 1980-01-01 (the ZIP epoch), in the same order, so the
    /// bytes depend on the content only.</summary>
    private static byte[] Repack(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    private static void TitlePage(WordWriter w, ProcessEvaluation e, Organisation organisation)
    {
        w.Title(T("report.title.main"));
        w.Subtitle(e.Process.Title.De);
        var lead = organisation.FindOffice(e.Process.LeadOfficeId);
        w.Paragraph(F("report.title.city", e.Process.City));
        if (lead is not null)
        {
            w.Paragraph(F("report.title.lead", lead.Name.De, lead.Code));
        }
        w.Paragraph(F("report.title.asOf", Day(e.AsOf)));
        if (e.ContainsSampleData)
        {
            w.Paragraph((T("report.title.sampleData"), true));
        }
        w.Note(T("report.title.generated"));
        w.PageBreak();
    }

    private static void Summary(WordWriter w, ProcessEvaluation e)
    {
        w.Heading1("1 " + T("report.summary.heading"));
        var active = e.AllGoals.Count(g => g.State == GoalState.Active);
        w.Paragraph(F("report.summary.process", e.Process.City, e.Phases.Count, string.Join(", ", e.Process.Drivers.Select(d => d.De))));
        w.Paragraph(F("report.summary.figures", Number(e.TotalInterviews), Number(e.TotalStatements), Number(e.TotalAnswers), Number(e.TotalParticipations)));
        w.Paragraph(F("report.summary.goals", e.AllGoals.Count(), e.Fields.Count, active,
            e.AllGoals.Count(g => g.State == GoalState.Active && g.FinalText != g.SeedText),
            e.AllGoals.Count(g => g.State == GoalState.Merged), e.AllGoals.Count(g => g.State == GoalState.Dropped)));
        var strongest = e.AllGoals.Where(g => g.Agreement.Level == AgreementLevel.BroadAgreement).Select(g => g.GoalId).ToList();
        var contested = e.AllGoals.Where(g => g.Agreement.Level == AgreementLevel.Contested).Select(g => g.GoalId).ToList();
        w.Paragraph(F("report.summary.agreement", strongest.Count, contested.Count, contested.Count == 0 ? "–" : string.Join(", ", contested)));
    }

    private static void ProcessCourse(WordWriter w, ProcessEvaluation e)
    {
        w.Heading1("2 " + T("report.process.heading"));
        w.Paragraph(T("report.process.intro"));
        w.Table(
            [T("report.column.phase"), T("report.column.kind"), T("report.column.dates"), T("report.column.status")],
            e.Phases.Select(p => (IReadOnlyList<string>)[p.Phase.Title.De, Kind(p.Phase.Kind), PhaseDates(p), Status(p.Phase.Status)]),
            [4, 2, 3, 1.6]);
        w.Note(T("report.process.datesNote"));
    }

    private static void Participation(WordWriter w, ProcessEvaluation e, Organisation organisation)
    {
        w.Heading1("3 " + T("report.participation.heading"));
        w.Paragraph(T("report.participation.intro"));
        var phases = e.Phases.Where(p => p.Participation.Participations > 0 || p.Participation.Statements > 0).ToList();
        w.Table(
            [T("report.column.phase"), T("report.column.polls"), T("report.column.answers"), T("report.column.participations"), T("report.column.interviews"), T("report.column.statements")],
            phases.Select(p => (IReadOnlyList<string>)[p.Phase.Title.De, Number(p.Participation.Polls), Number(p.Participation.Answers),
                Number(p.Participation.Participations), Number(p.Participation.Interviews), Number(p.Participation.Statements)]),
            [4, 1.2, 1.5, 1.5, 1.4, 1.4]);
        if (phases.Count > 0)
        {
            w.Picture(Charts.Bars(phases.Select(p => (p.Phase.Id, p.Participation.Participations)).ToList()), T("report.participation.chartAlt"));
            w.Caption(T("report.participation.chartCaption"));
        }

        w.Heading2(T("report.participation.byDivision"));
        w.Paragraph(T("report.participation.byDivisionIntro"));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var phase in phases)
        {
            foreach (var division in phase.Participation.Divisions)
            {
                var name = organisation.Divisions.FirstOrDefault(d => d.Id == division.GroupId)?.Name.De ?? division.GroupId;
                rows.Add([phase.Phase.Title.De, name, Number(division.Count)]);
            }
            if (phase.Participation.DivisionsWithheld)
            {
                rows.Add([phase.Phase.Title.De, T("report.participation.withheld"), "–"]);
            }
        }
        if (rows.Count == 0)
        {
            w.Paragraph(T("report.participation.noDivisions"));
        }
        else
        {
            w.Table([T("report.column.phase"), T("report.column.division"), T("report.column.people")], rows, [4, 5, 1.6]);
        }
    }

    private static void Results(WordWriter w, ProcessEvaluation e, Organisation organisation, ReportGoals goals)
    {
        w.Heading1("4 " + T("report.results.heading"));
        w.Paragraph(T("report.results.intro"));
        var figure = 1;
        for (var f = 0; f < e.Fields.Count; f++)
        {
            var field = e.Fields[f];
            w.Heading2($"4.{f + 1} {field.Title.De}");
            var rated = field.Goals.Where(g => g.Agreement.Ratings > 0).ToList();
            if (rated.Count > 0)
            {
                figure++;
                w.Picture(Charts.Distribution(field.Goals.Select(g => (g.GoalId, g.Polls.Distribution)).ToList()), F("report.results.chartAlt", field.Title.De));
                w.Caption(F("report.results.chartCaption", figure, field.Title.De));
            }
            w.Table(
                [T("report.column.goal"), T("report.column.ratings"), T("report.column.agree"), T("report.column.neutral"), T("report.column.disagree"),
                    T("report.column.mean"), T("report.column.spread"), T("report.column.assessment")],
                field.Goals.Select(g => (IReadOnlyList<string>)[goals.Label(g.GoalId), Number(g.Agreement.Ratings), Share(g.Agreement.AgreeShare), Share(g.Agreement.NeutralShare),
                    Share(g.Agreement.DisagreeShare), Decimal(g.Agreement.Mean), Decimal(g.Agreement.StandardDeviation), Level(g.Agreement.Level)]),
                [4.2, 0.9, 1.1, 1, 1.1, 0.9, 1, 1.9]);

            var departments = field.Goals.SelectMany(g => g.Polls.Departments.Select(d => (g.GoalId, d))).ToList();
            if (departments.Count > 0)
            {
                w.Paragraph((T("report.results.byOffice"), true));
                w.Table([T("report.column.goalId"), T("report.column.office"), T("report.column.respondents"), T("report.column.mean"), T("report.column.agree")],
                    departments.Select(x => (IReadOnlyList<string>)[x.GoalId, organisation.FindOffice(x.d.DepartmentId)?.Code ?? x.d.DepartmentId, Number(x.d.RespondentCount),
                        Decimal(x.d.MeanRating), Share(Agreement.From(x.d.Distribution).AgreeShare)]),
                    [2, 2, 1.5, 1.5, 1.5]);
            }

            var withStatements = field.Goals.Where(g => g.Statements.Total > 0).Select(g => (Label: g.GoalId, g.Statements)).ToList();
            if (field.FieldStatements.Total > 0)
            {
                withStatements.Add((T("report.results.wholeField"), field.FieldStatements));
            }
            if (withStatements.Count > 0)
            {
                w.Paragraph((T("report.results.statements"), true));
                w.Table([T("report.column.goalId"), T("report.sentiment.strength"), T("report.sentiment.problem"), T("report.sentiment.idea")],
                    withStatements.Select(s => (IReadOnlyList<string>)[s.Label, Number(s.Statements.Strengths), Number(s.Statements.Problems), Number(s.Statements.Ideas)]),
                    [3, 1.5, 1.5, 1.5]);
                foreach (var quote in withStatements.SelectMany(s => s.Statements.Quotes.Select(q => (s.Label, q))))
                {
                    var source = quote.q.NamedAs ?? T("report.results.anonymous");
                    w.Quote($"„{quote.q.Text}“ — {source} ({Sentiment(quote.q.Sentiment)}, {quote.Label})");
                }
            }

            var decided = field.Goals.Where(g => g.Decisions.Count > 0).ToList();
            if (decided.Count > 0)
            {
                w.Paragraph((T("report.results.decisions"), true));
                w.Table([T("report.column.goalId"), T("report.column.workshop"), T("report.column.outcome"), T("report.column.priority"), T("report.column.poll")],
                    decided.SelectMany(g => g.Decisions.Select(d => (IReadOnlyList<string>)[g.GoalId, goals.PhaseTitle(d.PhaseId), goals.Decision(d), Priority(d.Priority), d.PollId ?? "–"])),
                    [1.6, 2.6, 4, 1.1, 1.8]);
            }
        }
    }

    private static void Comparison(WordWriter w, ProcessEvaluation e, ReportGoals goals)
    {
        w.Heading1("5 " + T("report.comparison.heading"));
        if (e.Comparison is not { } comparison)
        {
            w.Paragraph(T("report.comparison.none"));
            return;
        }
        w.Paragraph(F("report.comparison.intro", comparison.First.Title.De, comparison.Second.Title.De));
        if (comparison.Rows.Count == 0)
        {
            w.Paragraph(T("report.comparison.noChanges"));
            return;
        }
        w.Table(
            [T("report.column.goalId"), F("report.comparison.after", comparison.First.Title.De), F("report.comparison.after", comparison.Second.Title.De),
                T("report.comparison.agreeFirst"), T("report.comparison.agreeSecond")],
            comparison.Rows.Select(r => (IReadOnlyList<string>)[r.GoalId,
                State(r.AfterFirst, goals.Id) + Prio(r.AfterFirst.Priority), State(r.AfterSecond, goals.Id) + Prio(r.AfterSecond.Priority),
                AgreementCell(r.AgreementFirst), AgreementCell(r.AgreementSecond)]),
            [1.6, 4, 4, 1.5, 1.5]);
    }

    private static string Prio(GoalPriority? priority) => priority is null ? string.Empty : $" ({T("report.column.priority")}: {Priority(priority)})";

    private static string AgreementCell(Agreement agreement) =>
        agreement.Ratings == 0 ? "–" : $"{Share(agreement.AgreeShare)} (n = {Number(agreement.Ratings)})";

    private static void FinalGoals(WordWriter w, ProcessEvaluation e)
    {
        w.Heading1("6 " + T("report.final.heading"));
        w.Paragraph(T("report.final.intro"));
        foreach (var field in e.Fields)
        {
            var active = field.Goals.Where(g => g.State == GoalState.Active).ToList();
            w.Heading2(field.Title.De);
            if (active.Count == 0)
            {
                w.Paragraph(T("report.final.noGoals"));
                continue;
            }
            w.Table([T("report.column.goalId"), T("report.column.finalText"), T("report.column.priority")],
                active.Select(g => (IReadOnlyList<string>)[g.GoalId, g.FinalText.De, Priority(g.Priority)]),
                [1.6, 7, 1.4]);
        }
    }

    private static void Methods(WordWriter w, ProcessEvaluation e, ReportGoals goals)
    {
        w.PageBreak();
        w.Heading1(T("report.methods.heading"));
        foreach (var part in new[] { "data", "agreement", "participation", "privacy", "interviews", "workshops" })
        {
            w.Heading2(T($"report.methods.{part}.heading"));
            w.Paragraph(F($"report.methods.{part}.text", e.MinimumGroupSize, Agreement.MinimumRatings));
        }
        w.Heading2(T("report.methods.history.heading"));
        var changes = e.Changes;
        if (changes.Count == 0)
        {
            w.Paragraph(T("report.methods.history.none"));
            return;
        }
        w.Table([T("report.column.number"), T("report.column.goalId"), T("report.column.outcome"), T("report.column.workshop"), T("report.column.poll"), T("report.column.recorded")],
            changes.Select((c, i) => (IReadOnlyList<string>)[Number(i + 1), c.GoalId, goals.Decision(c), goals.PhaseTitle(c.PhaseId), c.PollId ?? "–", Day(c.RecordedAt)]),
            [0.7, 1.6, 4, 2.4, 1.8, 1.4]);
    }
}
