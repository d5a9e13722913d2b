using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Fakes;

public sealed class FakeDirectory(Organisation organisation) : IDirectory
{
    public Task<Organisation> GetOrganisationAsync(CancellationToken cancellationToken) => Task.FromResult(organisation);

    public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken) => Task.FromResult(organisation.FindPerson(personId));

    public Task<IReadOnlyList<Person>> PeopleInUnitAsync(string unitId, CancellationToken cancellationToken)
    {
        var division = organisation.Divisions.FirstOrDefault(d => d.Id == unitId);
        var offices = division is null ? [unitId] : division.Offices.Select(o => o.Id).ToHashSet();
        return Task.FromResult<IReadOnlyList<Person>>(organisation.People.Where(p => p.OfficeId is not null && offices.Contains(p.OfficeId)).ToList());
    }

    /// <summary>A small city: an organizer, two interviewers and a planning office with staff.</summary>
    public static FakeDirectory Small(int staff = 4)
    {
        var people = new List<Person>
        {
            Person("org", "Olga Organizer", "sta-61"),
            Person("int1", "Ines Interviewer", null, guest: true),
            Person("int2", "Ivo Interviewer", null, guest: true),
        };
        for (var i = 1; i <= staff; i++)
        {
            people.Add(Person($"s{i}", $"Staff {i}", i % 2 == 0 ? "sta-61" : "sta-20"));
        }
        return new FakeDirectory(new Organisation
        {
            Divisions =
            [
                new Division
                {
                    Id = "dez-4",
                    Name = new("Dezernat IV", "Division IV"),
                    Offices = [new Office { Id = "sta-61", Code = "StA 61", Name = new("Stadtplanungsamt", "Planning office") }, new Office { Id = "sta-20", Code = "StA 20", Name = new("Kämmerei", "Treasury") }],
                },
            ],
            People = people,
        });
    }

    public static Person Person(string id, string name, string? office, bool guest = false) => new()
    {
        Id = id,
        DisplayName = name,
        Email = $"{id}@city.example",
        OfficeId = office,
        IsGuest = guest,
    };
}
