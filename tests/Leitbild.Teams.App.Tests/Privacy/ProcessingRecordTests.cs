using System.Net;
using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Privacy;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>The Art. 30 record follows the settings and the tables that exist.</summary>
public sealed class ProcessingRecordTests
{
    private static readonly string[] AllTables = [.. StoredDataCatalogue.All.Select(t => t.Name)];

    private static ProcessingRecordInput Input(AppMode mode, string? siteId = null, string[]? tables = null, DateOnly? ended = null, PrivacyOptions? privacy = null) => new()
    {
        App = new LeitbildOptions { Mode = mode, Microsoft365 = new Microsoft365Options { SharePointSiteId = siteId, DirectorySyncMinutes = 45 } },
        Privacy = privacy ?? new PrivacyOptions { RetentionDays = 90 },
        Tables = tables ?? AllTables,
        CreatedAt = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero),
        ProcessEndedOn = ended,
    };

    [Fact]
    public void InLocalModeTheRecordNamesNoRecipientTransferOrSync()
    {
        var text = ProcessingRecord.Markdown(Input(AppMode.Local), "de");
        Assert.Contains("Keine: im lokalen Modus", text);
        Assert.DoesNotContain("Auftragsverarbeiter", text);
        Assert.DoesNotContain("Entra ID abgeglichen", text);
        Assert.DoesNotContain("SharePoint-Liste und", text);
        Assert.Contains("90 Tage nach dem Ende", text);
    }

    [Fact]
    public void InMicrosoft365ModeWithSharePointTheRecordNamesMicrosoftTheListAndTheSyncInterval()
    {
        var text = ProcessingRecord.Markdown(Input(AppMode.Microsoft365, siteId: "host,site,web"), "de");
        Assert.Contains("Auftragsverarbeiter", text);
        Assert.Contains("alle 45 Minuten", text);
        Assert.Contains("SharePoint-Liste und Datenbank der App", text);
        Assert.Contains("EU-Datengrenze", text);
    }

    [Fact]
    public void ACategoryAppearsOnlyWhenATableHoldingItExists()
    {
        var text = ProcessingRecord.Markdown(Input(AppMode.Local, tables: ["processes", "poll_participants"]), "en");
        Assert.Contains("Participation in polls", text);
        Assert.DoesNotContain("Named answers", text);
        Assert.DoesNotContain("| results_answers |", text);
    }

    [Fact]
    public void TheRecordSaysWhenDeletionIsDueOnceTheProcessHasEnded()
    {
        Assert.Contains("deletion is on 3/5/2027", ProcessingRecord.Markdown(Input(AppMode.Local, ended: new DateOnly(2026, 12, 5)), "en"));
        Assert.Contains("noch oder ist geplant", ProcessingRecord.Markdown(Input(AppMode.Local), "de"));
    }

    [Fact]
    public void ConfiguredNamesAreEncodedInTheHtmlRecord()
    {
        var html = ProcessingRecord.Html(Input(AppMode.Local, privacy: new PrivacyOptions { Controller = "Stadt <script>alert(1)</script>", DataProtectionOfficer = "dsb@stadt.example" }), "de");
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Stadt &lt;script&gt;", html);
        Assert.Contains("dsb@stadt.example", html);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart());
    }

    [Fact]
    public async Task TheVerbWritesTheRecordOfTheAppsDatabaseAndRefusesAMissingOne()
    {
        await using var factory = new LocalAppFactory();
        _ = factory.Server;
        var file = Path.Combine(Path.GetTempPath(), $"verzeichnis-{Guid.NewGuid():N}.md");
        try
        {
            var output = new StringWriter();
            var code = await PrivacyVerbs.RecordAsync(["--out", file, "--database", factory.DatabasePath], output, new StringWriter(), CancellationToken.None);
            Assert.Equal(0, code);
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains("# Verzeichnis von Verarbeitungstätigkeiten", text);
            Assert.Contains("| audit_log |", text);

            var error = new StringWriter();
            Assert.Equal(2, await PrivacyVerbs.RecordAsync(["--out", file, "--database", factory.DatabasePath + ".missing"], new StringWriter(), error, CancellationToken.None));
            Assert.Contains("--database", error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task OrganizersGetTheRecordFromTheApiAndOthersDoNot()
    {
        await using var factory = new LocalAppFactory();
        var organizer = factory.CreateClient();
        await organizer.SignInAsync(DevSignIn.Organizer);
        var response = await organizer.GetAsync("/api/privacy/record?format=md&lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Record of processing activities", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await organizer.GetAsync("/api/privacy/record?format=pdf")).StatusCode);

        var staff = factory.CreateClient();
        await staff.SignInAsync(PrivacyWorld.Person);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/privacy/record")).StatusCode);
    }
}
