using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Polls;

/// <summary>
/// An Entra group audience is resolved when the poll is created: its members (nested groups included) who are staff in
/// the directory are kept with the poll, so sending, reminding and the "may I answer" check all ask the same people,
/// and a later change of the group does not change who was asked.
/// </summary>
public sealed class PollGroupAudience(IOptions<LeitbildOptions> options, IServiceProvider services, IDirectory directory)
{
    public const int MaxMembers = 5000;

    public async Task<(PollAudience? Audience, IReadOnlyList<PollProblem> Problems)> ResolveAsync(PollAudience? audience, CancellationToken cancellationToken)
    {
        if (audience?.Kind != AudienceKind.EntraGroup || !Guid.TryParse(audience.GroupId, out _))
        {
            return (audience, []);
        }
        if (options.Value.Mode != AppMode.Microsoft365)
        {
            return (audience, [Problem("poll.audience.groupLocalMode")]);
        }
        IReadOnlySet<string> members;
        try
        {
            members = await services.GetRequiredService<IEntraDirectorySource>().GroupMemberIdsAsync(audience.GroupId!, cancellationToken);
        }
        catch (EntraReadException e) when (e.Code.StartsWith("404", StringComparison.Ordinal))
        {
            return (audience, [Problem("poll.audience.groupNotFound")]);
        }
        catch (Exception e) when (e is EntraReadException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Core.Problems.ProblemException.Unavailable("audience.groupId", "poll.audience.groupUnavailable");
        }
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var staff = members.Where(id => organisation.FindPerson(id) is { IsGuest: false }).Order(StringComparer.Ordinal).ToList();
        if (staff.Count == 0)
        {
            return (audience, [Problem("poll.audience.groupEmpty")]);
        }
        if (staff.Count > MaxMembers)
        {
            return (audience, [Problem("poll.audience.groupTooLarge", MaxMembers)]);
        }
        return (PollAudience.EntraGroup(audience.GroupId!, staff), []);
    }

    private static PollProblem Problem(string key, params object[] args) =>
        new("audience.groupId", Texts.Format(key, "de", args), Texts.Format(key, "en", args));
}
