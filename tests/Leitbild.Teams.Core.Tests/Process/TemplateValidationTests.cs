using System.Text.Json.Nodes;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Process;

public class TemplateValidationTests
{
    private static TemplateValidationException Broken(string file, Action<JsonNode> edit) =>
        TemplateFolder.Bergkamen().Edit(file, edit).LoadFails();

    [Fact]
    public void MissingFileIsNamed()
    {
        var error = TemplateFolder.Bergkamen().Replace(TemplateLoader.GoalsFile, null).LoadFails();
        Assert.Equal("goals.json", error.File);
        Assert.Contains("fehlt", error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void InvalidJsonNamesTheFileAndLine()
    {
        var error = TemplateFolder.Bergkamen().Replace(TemplateLoader.ProcessFile, "{\n  \"id\": \"x\",\n  oops\n}").LoadFails();
        Assert.Equal("process.json", error.File);
        Assert.Equal("line 3", error.Field);
    }

    [Fact]
    public void MissingRequiredFieldIsNamedWithItsPath()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![2]!.AsObject().Remove("title"));
        Assert.Equal("process.json", error.File);
        Assert.Equal("phases[2].title", error.Field);
        Assert.Contains("Pflichtfeld", error.Problem.De);
    }

    [Fact]
    public void UnknownFieldIsRejectedSoTyposDoNotGoUnnoticed()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![0]!["plannedStrat"] = "2024-01-01");
        Assert.Equal("phases[0].plannedStrat", error.Field);
        Assert.Contains("unknown field", error.Problem.En);
    }

    [Fact]
    public void WrongEnumValueNamesTheField()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![1]!["kind"] = "party");
        Assert.Equal("phases[1].kind", error.Field);
    }

    [Fact]
    public void BadDateNamesTheField()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![0]!["plannedStart"] = "14.05.2024");
        Assert.Equal("phases[0].plannedStart", error.Field);
    }

    [Fact]
    public void NullForANonNullableFieldIsRejected()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["city"] = null);
        Assert.Equal("city", error.Field);
    }

    [Fact]
    public void PhaseEndingBeforeItStartsIsRejected()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![3]!["plannedEnd"] = "2024-06-01");
        Assert.Equal("phases[3].plannedEnd", error.Field);
        Assert.Contains("before start", error.Problem.En);
    }

    [Fact]
    public void DuplicatePhaseIdIsRejected()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![2]!["id"] = "workshop-1");
        Assert.Equal("phases[2].id", error.Field);
        Assert.Contains("workshop-1", error.Message);
    }

    [Fact]
    public void UnknownLeadOfficeIsRejected()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["leadOfficeId"] = "sta-99");
        Assert.Equal("leadOfficeId", error.Field);
        Assert.Contains("sta-99", error.Message);
    }

    [Fact]
    public void ParticipantGroupMustBeAnOrgUnitOrAudience()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![0]!["participantGroups"]!.AsArray().Add("everyone"));
        Assert.Equal("phases[0].participantGroups[3]", error.Field);
    }

    [Fact]
    public void PhaseGoalMustExistInTheCatalogue()
    {
        var error = Broken(TemplateLoader.ProcessFile, n => n["phases"]![1]!["goals"] = new JsonArray("klima-1", "klima-99"));
        Assert.Equal("phases[1].goals[1]", error.Field);
    }

    [Fact]
    public void MissingEnglishTitleIsRejected()
    {
        var error = Broken(TemplateLoader.GoalsFile, n => n["fieldsOfAction"]![4]!["goals"]![1]!["text"]!["en"] = " ");
        Assert.Equal("goals.json", error.File);
        Assert.Equal("fieldsOfAction[4].goals[1].text.en", error.Field);
    }

    [Fact]
    public void GoalIdsAreUniqueAcrossTheCatalogue()
    {
        var error = Broken(TemplateLoader.GoalsFile, n => n["fieldsOfAction"]![1]!["goals"]![0]!["id"] = "klima-1");
        Assert.Equal("fieldsOfAction[1].goals[0].id", error.Field);
    }

    [Fact]
    public void PersonIdMustBeAnObjectId()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["people"]![5]!["id"] = "anna");
        Assert.Equal("organisation.json", error.File);
        Assert.Equal("people[5].id", error.Field);
    }

    [Fact]
    public void PersonInUnknownOfficeIsRejected()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["people"]![7]!["officeId"] = "sta-99");
        Assert.Equal("people[7].officeId", error.Field);
    }

    [Fact]
    public void OnlyGuestsMayHaveNoOffice()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["people"]![0]!["officeId"] = null);
        Assert.Equal("people[0].officeId", error.Field);
    }

    [Fact]
    public void GuestsCannotBeReviewers()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n =>
        {
            var guest = n["people"]!.AsArray().Last(p => p!["isGuest"]?.GetValue<bool>() == true)!;
            guest["roles"] = new JsonArray("organizer", "reviewer");
        });
        Assert.Contains("reviewer", error.Problem.En);
    }

    [Fact]
    public void WorkingHoursMustEndAfterTheyStart()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["people"]![3]!["workingHours"]!["end"] = "07:00:00");
        Assert.Equal("people[3].workingHours.end", error.Field);
    }

    [Fact]
    public void BadEmailIsRejected()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["people"]![2]!["email"] = "not-an-address");
        Assert.Equal("people[2].email", error.Field);
    }

    [Fact]
    public void DuplicateEmailIsRejected()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["people"]![2]!["email"] = n["people"]![1]!["email"]!.GetValue<string>());
        Assert.Equal("people[2].email", error.Field);
    }

    [Fact]
    public void AnEntraGroupThatIsNoObjectIdIsNamed()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n => n["divisions"]![0]!["offices"]![0]!["entra"] = new JsonObject { ["groups"] = new JsonArray("Planungsamt") });
        Assert.Equal("divisions[0].offices[0].entra.groups[0]", error.Field);
        Assert.Contains("GUID", error.Problem.De);
    }

    [Fact]
    public void ADepartmentMappedToTwoOfficesIsRefusedBecauseItWouldPlaceOnePersonTwice()
    {
        var error = Broken(TemplateLoader.OrganisationFile, n =>
        {
            n["divisions"]![0]!["offices"]![0]!["entra"] = new JsonObject { ["departments"] = new JsonArray("Bauamt") };
            n["divisions"]![0]!["offices"]![1]!["entra"] = new JsonObject { ["departments"] = new JsonArray("bauamt ") };
        });
        Assert.Equal("divisions[0].offices[1].entra.departments[0]", error.Field);
        Assert.Contains("twice", error.Problem.En);
    }
}
