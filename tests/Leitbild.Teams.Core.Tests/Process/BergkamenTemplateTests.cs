using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Process;

public class BergkamenTemplateTests
{
    private readonly LeitbildTemplate _template = TemplateFolder.Bergkamen().Load();

    [Fact]
    public void ShippedTemplateHasTheSixBausteineInOrder()
    {
        Assert.Equal(
            [PhaseKind.Interviews, PhaseKind.Workshop, PhaseKind.Workshop, PhaseKind.Evaluation, PhaseKind.CommitteePresentation, PhaseKind.Extension],
            _template.Process.Phases.Select(p => p.Kind));
        Assert.Equal("Workshop 1 – Zieldiskussion", _template.Process.Phases[1].Title.De);
        Assert.Equal(new DateOnly(2024, 5, 14), _template.Process.Phases[1].PlannedStart);
        Assert.Equal(6, _template.Process.Phases[2].PlannedStart.Month);
    }

    [Fact]
    public void ProcessIsLedByTheStadtplanungsamtInDezernatIV()
    {
        var office = _template.Organisation.FindOffice(_template.Process.LeadOfficeId)!;
        Assert.Equal("StA 61", office.Code);
        Assert.StartsWith("Dezernat IV", _template.Organisation.DivisionOf(office.Id)!.Name.De);
    }

    [Fact]
    public void ExtensionReachesAdministrationPoliticsAndPublic()
    {
        var extension = _template.Process.Phases.Single(p => p.Kind == PhaseKind.Extension);
        Assert.Equal([ParticipantGroups.AllStaff, ParticipantGroups.Politics, ParticipantGroups.Public], extension.ParticipantGroups);
    }

    [Theory]
    [InlineData("Klimaschutz und Klimaanpassung")]
    [InlineData("Demografischer Wandel")]
    [InlineData("Wohnen")]
    [InlineData("Mobilität")]
    [InlineData("Wirtschaft und Strukturwandel")]
    [InlineData("Innenstadt und Zentren")]
    [InlineData("Bildung und Soziales")]
    [InlineData("Moderne Verwaltung")]
    public void GoalCatalogueCoversTheFieldsOfActionTheCityNamed(string field)
    {
        var found = _template.Goals.FieldsOfAction.Single(f => f.Title.De == field);
        Assert.NotEmpty(found.Goals);
        Assert.All(found.Goals, g => Assert.False(string.IsNullOrWhiteSpace(g.Text.En)));
    }

    [Fact]
    public void StaffDirectoryHasAboutSixtyPeopleOverThreeDezernate()
    {
        Assert.InRange(_template.Organisation.People.Count, 55, 65);
        Assert.Equal(3, _template.Organisation.Divisions.Count);
        Assert.True(_template.Organisation.Divisions.Single(d => d.Id == "dez-4").Offices.Count >= 3);
        Assert.All(_template.Organisation.People, p => Assert.NotNull(p.WorkingHours));
        Assert.Contains(_template.Organisation.People, p => p.Has(Role.Organizer) && p.OfficeId == "sta-61");
        Assert.Contains(_template.Organisation.People, p => p.Has(Role.Reviewer));
        Assert.Contains(_template.Organisation.People, p => p.IsGuest && p.Has(Role.Organizer));
    }

    [Fact]
    public void PeopleAreClearlyFictional()
    {
        // Reserved example domains (RFC 2606) can never reach a real mailbox.
        Assert.All(_template.Organisation.People, p => Assert.EndsWith(".example", p.Email, StringComparison.Ordinal));
    }
}
