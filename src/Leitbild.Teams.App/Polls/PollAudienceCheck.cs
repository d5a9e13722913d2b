using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.App.Polls;

/// <summary>
/// The audience a form sends must exist in the directory: a made-up person id or office would leave the poll with
/// nobody to ask. Core checks the shape of the audience; this needs the directory, so it lives beside the API.
/// </summary>
public static class PollAudienceCheck
{
    public static async Task<IReadOnlyList<PollProblem>> ProblemsAsync(PollAudience? audience, IDirectory directory, CancellationToken cancellationToken)
    {
        var problems = new List<PollProblem>();
        if (audience is null)
        {
            return problems;
        }
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        if (audience.Kind == AudienceKind.Department && !string.IsNullOrWhiteSpace(audience.UnitId)
            && organisation.Divisions.All(d => d.Id != audience.UnitId) && organisation.FindOffice(audience.UnitId) is null)
        {
            problems.Add(new("audience.unitId", $"Dezernat oder Amt '{audience.UnitId}' gibt es nicht", $"division or office '{audience.UnitId}' does not exist"));
        }
        if (audience.Kind == AudienceKind.People)
        {
            var unknown = 0;
            foreach (var id in audience.PersonIds.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (await directory.FindPersonAsync(id, cancellationToken) is null)
                {
                    unknown++;
                }
            }
            // The count, not the ids: the message may reach a guest organizer.
            if (unknown > 0)
            {
                problems.Add(new("audience.personIds", $"{unknown} Person(en) gibt es nicht im Verzeichnis", $"{unknown} person(s) not in the directory"));
            }
        }
        return problems;
    }
}
