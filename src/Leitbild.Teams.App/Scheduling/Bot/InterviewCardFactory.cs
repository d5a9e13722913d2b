using Leitbild.Teams.App.Hosting;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>Loads what an interviewee's card needs (names instead of mailbox addresses, free proposals) and builds it.</summary>
public sealed class InterviewCardFactory(
    IInterviewStore store,
    InterviewCampaignService service,
    IDirectory directory,
    ICalendar calendar,
    IOptions<LeitbildOptions> options,
    IServer server,
    IcsLinks links)
{
    public async Task<InterviewCardModel?> ModelAsync(string interviewId, CancellationToken cancellationToken)
    {
        var interview = await store.GetInterviewAsync(interviewId, cancellationToken);
        var campaign = interview is null ? null : await store.GetCampaignAsync(interview.CampaignId, cancellationToken);
        if (interview is null || campaign is null)
        {
            return null;
        }
        var free = interview.Status is InterviewStatus.Proposed or InterviewStatus.Booked
            ? (await service.OpenProposalsAsync(interview.Id, cancellationToken)).Where(p => p.Available).Select(p => p.Proposal).ToList()
            : [];
        var interviewers = interview.Booked?.InterviewerEmails ?? campaign.InterviewerEmails;
        var roomEmail = interview.Booked is { } booked ? booked.RoomEmail : campaign.RoomEmail;
        return new InterviewCardModel(campaign, interview, free, await NamesAsync(interviewers, cancellationToken),
            await RoomNameAsync(roomEmail, cancellationToken), await IcsUrlAsync(interview, cancellationToken));
    }

    public async Task<AdaptiveCard?> BuildAsync(string interviewId, string language, string? notice, CancellationToken cancellationToken) =>
        await ModelAsync(interviewId, cancellationToken) is { } model ? InterviewCards.Build(model, language, notice) : null;

    private async Task<string> NamesAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        var people = (await directory.GetOrganisationAsync(cancellationToken)).People;
        return string.Join(", ", emails.Select(e => people.FirstOrDefault(p => string.Equals(p.Email, e, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? e));
    }

    private async Task<string?> RoomNameAsync(string? roomEmail, CancellationToken cancellationToken)
    {
        if (roomEmail is null)
        {
            return null;
        }
        var rooms = await calendar.ListRoomsAsync(cancellationToken);
        return rooms.FirstOrDefault(r => string.Equals(r.Email, roomEmail, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? roomEmail;
    }

    /// <summary>Local mode has no Outlook invitation, so the card links the event's .ics; Microsoft 365 sends a real invitation.</summary>
    private async Task<string?> IcsUrlAsync(Interview interview, CancellationToken cancellationToken)
    {
        var value = options.Value;
        if (value.Mode != AppMode.Local || interview.Status != InterviewStatus.Booked || interview.EventId is not { } eventId || interview.Booked is not { } booked
            || !Uri.TryCreate(value.PublicBaseUrl ?? LocalAddress(), UriKind.Absolute, out var baseUrl))
        {
            return null;
        }
        return new Uri(baseUrl, await links.PathAsync(eventId, booked.End, cancellationToken)).ToString();
    }

    /// <summary>Without a public address (a local run) the address the app listens on.</summary>
    private string? LocalAddress() => server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
}
