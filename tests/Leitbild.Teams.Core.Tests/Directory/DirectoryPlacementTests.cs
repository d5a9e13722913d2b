using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Directory;

public class DirectoryPlacementTests
{
    [Fact]
    public void PeopleAreFiledByTheirDepartmentIgnoringCaseAndSpaces()
    {
        var placed = DirectoryPlacement.Place(EntraSamples.Divisions, EntraSamples.State([EntraSamples.User("a", " kämmerei "), EntraSamples.User("b", "Finanzen")]));

        Assert.All(placed.Organisation.People, p => Assert.Equal("sta-20", p.OfficeId));
        Assert.Empty(placed.Unplaced);
    }

    [Fact]
    public void AGroupMembershipWinsOverTheDepartment()
    {
        var groups = new Dictionary<string, IReadOnlySet<string>> { [EntraSamples.PlanningGroup] = new HashSet<string> { "a" } };
        var placed = DirectoryPlacement.Place(EntraSamples.Divisions, EntraSamples.State([EntraSamples.User("a", "Kämmerei")], groups));

        Assert.Equal("sta-61", placed.Organisation.FindPerson("a")!.OfficeId);
    }

    [Fact]
    public void MembersNoRulePlacesStayInTheDirectoryAndAreListedAsUnplaced()
    {
        var placed = DirectoryPlacement.Place(EntraSamples.Divisions, EntraSamples.State([EntraSamples.User("a", "Feuerwehr"), EntraSamples.User("b"), EntraSamples.User("c", "Kämmerei")]));

        Assert.Equal(["a", "b"], placed.Unplaced.Select(p => p.Id).Order());
        Assert.NotNull(placed.Organisation.FindPerson("a"));
        Assert.Null(placed.Organisation.FindPerson("a")!.OfficeId);
        Assert.DoesNotContain(placed.Organisation.PeopleIn("dez-4"), p => p.Id is "a" or "b");
    }

    [Fact]
    public void DisabledAccountsLeaveEveryAudienceAndGuestsAreGuestsNotUnplaced()
    {
        var placed = DirectoryPlacement.Place(EntraSamples.Divisions, EntraSamples.State(
            [EntraSamples.User("gone", "Kämmerei", enabled: false), EntraSamples.User("guest", type: "Guest"), EntraSamples.User("c", "Kämmerei")]));

        Assert.Null(placed.Organisation.FindPerson("gone"));
        Assert.Equal(["c"], placed.Organisation.PeopleIn("sta-20").Select(p => p.Id));
        Assert.True(placed.Organisation.FindPerson("guest")!.IsGuest);
        Assert.Empty(placed.Unplaced);
    }

    [Fact]
    public void RolesComeFromTheAppRoleAssignmentsAndGuestsNeverReview()
    {
        var roles = new Dictionary<string, IReadOnlyList<Role>> { ["org"] = [Role.Organizer], ["head"] = [Role.Reviewer], ["guest"] = [Role.Organizer, Role.Reviewer] };
        var placed = DirectoryPlacement.Place(EntraSamples.Divisions, EntraSamples.State(
            [EntraSamples.User("org", "Stadtplanung"), EntraSamples.User("head", "Kämmerei"), EntraSamples.User("guest", type: "Guest"), EntraSamples.User("staff", "Kämmerei")], roles: roles));

        Assert.True(placed.Organisation.FindPerson("org")!.Has(Role.Organizer));
        Assert.True(placed.Organisation.FindPerson("head")!.Has(Role.Reviewer));
        Assert.False(placed.Organisation.FindPerson("head")!.Has(Role.Organizer));
        Assert.True(placed.Organisation.FindPerson("guest")!.Has(Role.Organizer));
        Assert.False(placed.Organisation.FindPerson("guest")!.Has(Role.Reviewer));
        Assert.Equal([Role.Staff], placed.Organisation.FindPerson("staff")!.Roles);
    }

    [Fact]
    public void ADeltaEntryReplacesOnlyThePropertiesItNames()
    {
        var user = EntraSamples.User("a", "Kämmerei") with { JobTitle = "Sachbearbeiterin" };
        var changed = user.With(new EntraUserChange("a", false, new Dictionary<string, string?> { ["department"] = "Stadtplanung", ["jobTitle"] = null }));

        Assert.Equal("Stadtplanung", changed.Department);
        Assert.Null(changed.JobTitle);
        Assert.Equal(user.Mail, changed.Mail);
    }
}
