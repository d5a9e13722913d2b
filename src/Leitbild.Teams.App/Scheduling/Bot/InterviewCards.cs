using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Bot.Cards;
using Leitbild.Teams.Core.Scheduling.Interviews;

namespace Leitbild.Teams.App.Scheduling.Bot;

/// <summary>What an interviewee's card shows: the campaign, the interview's state and the proposals still free.</summary>
public sealed record InterviewCardModel(
    InterviewCampaign Campaign,
    Interview Interview,
    IReadOnlyList<InterviewProposal> FreeProposals,
    string InterviewerNames,
    string? RoomName,
    string? IcsUrl);

/// <summary>
/// The interviewee's 1:1 card: up to three proposed times (one click books), then the booked appointment with
/// reschedule and cancel. Times are Europe/Berlin; texts are <c>interview.card.*</c>.
/// </summary>
public static class InterviewCards
{
    public const string BookVerb = "interview.book";
    public const string RescheduleVerb = "interview.reschedule";
    public const string CancelVerb = "interview.cancel";
    public const string InterviewIdKey = "interviewId";
    public const string ProposalIdKey = "proposalId";

    /// <summary>The card for the interview's current state; <paramref name="notice"/> adds one line on top (e.g. slot taken).</summary>
    public static AdaptiveCard Build(InterviewCardModel model, string language, string? notice = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock { Text = model.Campaign.Title, Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock { Text = notice, Wrap = true, Color = "Attention" });
        }
        var actions = new List<CardAction>();
        var interview = model.Interview;
        switch (interview.Status)
        {
            case InterviewStatus.Booked when interview.Booked is { } slot:
                body.Add(new TextBlock { Text = Texts.Get("interview.card.booked", language), Wrap = true, Color = "Good", Weight = "Bolder" });
                body.Add(new FactSet
                {
                    Facts =
                    [
                        new Fact(Texts.Get("interview.card.when", language), SchedulingLabels.Slot(slot.Start, slot.End, language)),
                        new Fact(Texts.Get("interview.card.with", language), model.InterviewerNames),
                        new Fact(Texts.Get("interview.card.where", language), model.RoomName ?? Texts.Get("interview.card.online", language)),
                    ],
                });
                if (model.FreeProposals.Count > 0)
                {
                    body.Add(new TextBlock { Text = Texts.Get("interview.card.moveTo", language), Wrap = true, Separator = true });
                    body.Add(ProposalButtons(model, language, "interview.card.moveButton"));
                }
                if (model.IcsUrl is { } ics)
                {
                    actions.Add(new OpenUrlAction { Title = Texts.Get("interview.card.ics", language), Url = ics });
                }
                actions.Add(Action(RescheduleVerb, Texts.Get("interview.card.reschedule", language), interview.Id));
                actions.Add(Action(CancelVerb, Texts.Get("interview.card.cancel", language), interview.Id) with { Style = "destructive" });
                break;
            case InterviewStatus.Booking:
                body.Add(new TextBlock { Text = Texts.Get("interview.card.booking", language), Wrap = true });
                break;
            case InterviewStatus.Cancelled:
                body.Add(new TextBlock { Text = Texts.Get("interview.card.cancelled", language), Wrap = true });
                break;
            case InterviewStatus.NoSlots:
                body.Add(new TextBlock { Text = Texts.Get("interview.card.noSlots", language), Wrap = true });
                break;
            default:
                body.Add(new TextBlock { Text = Texts.Format("interview.card.intro", language, (int)model.Campaign.Duration.TotalMinutes, model.InterviewerNames), Wrap = true });
                if (model.FreeProposals.Count == 0)
                {
                    // Self-service instead of waiting for the planning office: fresh proposals from the calendars.
                    body.Add(new TextBlock { Text = Texts.Get("interview.card.noneLeft", language), Wrap = true });
                    actions.Add(Action(RescheduleVerb, Texts.Get("interview.card.findNew", language), interview.Id));
                }
                else
                {
                    body.Add(new TextBlock { Text = Texts.Get("interview.card.choose", language), Wrap = true, Weight = "Bolder" });
                    body.Add(ProposalButtons(model, language, "interview.card.bookButton"));
                }
                body.Add(new TextBlock { Text = model.RoomName is { } room ? Texts.Format("interview.card.inRoom", language, room) : Texts.Get("interview.card.online", language), Wrap = true, IsSubtle = true });
                break;
        }
        return new AdaptiveCard { Lang = language, Body = body, Actions = actions.Count == 0 ? null : actions };
    }

    /// <summary>A short card when the interview cannot be shown (gone, or not the person's own).</summary>
    public static AdaptiveCard Message(string key, string language) =>
        new() { Lang = language, Body = [new TextBlock { Text = Texts.Get(key, language), Wrap = true }] };

    /// <summary>One button per free proposal, in time order; each books that proposal.</summary>
    private static ActionSet ProposalButtons(InterviewCardModel model, string language, string titleKey) => new()
    {
        Actions = model.FreeProposals.OrderBy(p => p.Start).Select(p => (CardAction)ExecuteAction.WithSubmitFallback(BookVerb,
            Texts.Format(titleKey, language, SchedulingLabels.Slot(p.Start, p.End, language)),
            new Dictionary<string, string> { [InterviewIdKey] = model.Interview.Id, [ProposalIdKey] = p.Id })).ToList(),
    };

    private static ExecuteAction Action(string verb, string title, string interviewId) =>
        ExecuteAction.WithSubmitFallback(verb, title, new Dictionary<string, string> { [InterviewIdKey] = interviewId });
}
