using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>Turns ids an organizer picked (people, offices or divisions) into people, in order and without repeats.</summary>
public static class ParticipantResolver
{
    public static async Task<IReadOnlyList<Person>> ResolveAsync(IDirectory directory, IEnumerable<string> ids, string field, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await directory.FindPersonAsync(id, cancellationToken) is { } person)
            {
                if (seen.Add(person.Id))
                {
                    people.Add(person);
                }
                continue;
            }
            var unit = await directory.PeopleInUnitAsync(id, cancellationToken);
            if (unit.Count == 0)
            {
                throw new SchedulingException(field, new($"'{id}' ist weder eine Person noch ein Amt mit Beschäftigten", $"'{id}' is neither a person nor an office with staff"));
            }
            people.AddRange(unit.Where(p => seen.Add(p.Id)));
        }
        return people;
    }
}
