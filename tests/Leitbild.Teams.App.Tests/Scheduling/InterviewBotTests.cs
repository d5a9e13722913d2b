using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Evaluation.Bot;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.App.Scheduling.Bot;
using Leitbild.Teams.App.Tests.Bot;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.ConnectorSimulator;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Scheduling;

/// <summary>
/// The interviewee's card through POST /api/messages (local mode, SQLite, the local calendar, a simulated Teams
/// connector): the proposal card arrives 1:1, one click books, a taken slot shows what is left, reschedule and cancel.
/// Offers made by hand lie on a Saturday a few weeks ahead, where the seeded people have no fictional appointments.
/// </summary>
public sealed class InterviewBotTests : IAsyncLifetime
{
    private const string Bernd = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";
    private const string BerndEmail = "bernd.fiktiva@bergkamen.example";
    private const string Clara = "e14e1698-4bbe-5515-a550-bc4bce243185";
    private const string Fenja = "be328e9b-693d-5503-af46-de5c6301d2b9";
    private const string ClaraEmail = "clara.muster-kamp@bergkamen.example";

    private readonly BotAppFactory _factory = new();
    private ConnectorSimulatorHost _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorSimulatorHost.StartAsync(TimeProvider.System);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
        _factory.DeleteDatabase();
    }

    private T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private static DateTimeOffset Saturday(int hour)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);
        while (today.DayOfWeek != DayOfWeek.Saturday)
        {
            today = today.AddDays(1);
        }
        return BerlinTime.ToInstant(today, new TimeOnly(hour, 0));
    }

    private Activity As(string personId, Activity activity) =>
        activity with { From = new ChannelAccount { Id = "29:" + personId, Name = "Seeded person", AadObjectId = personId } };

    private Activity Press(string personId, string verb, IReadOnlyDictionary<string, string> data) =>
        As(personId, Activities.Base(_connector.ServiceUrl, "invoke") with
        {
            Name = "adaptiveCard/action",
            ReplyToId = "card-1",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data = new Dictionary<string, string>(data) { ["verb"] = verb } }, trigger = "manual" }),
        });

    private async Task<JsonElement> PressAsync(string personId, string verb, IReadOnlyDictionary<string, string> data)
    {
        var response = await _client.PostAsync(Press(personId, verb, data));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var card = body.GetProperty("value");
        CardSchema.AssertValid(card);
        return card;
    }

    private static List<JsonElement> Actions(JsonElement card, string verb) => All(card)
        .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute" && e.GetProperty("verb").GetString() == verb)
        .ToList();

    private static string DataOf(JsonElement action, string key) => action.GetProperty("data").GetProperty(key).GetString()!;

    private static IEnumerable<JsonElement> All(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(All))
        {
            yield return child;
        }
    }

    /// <summary>Offers made by hand: each interviewee gets the given starts (one hour each) with moderator A.</summary>
    private async Task<Dictionary<string, (Interview Interview, List<InterviewProposal> Proposals)>> OfferAsync(params (string Person, string Email, DateTimeOffset[] Starts)[] offers)
    {
        var now = DateTimeOffset.UtcNow;
        var campaign = new InterviewCampaign
        {
            Id = Guid.NewGuid().ToString("N"), Title = "Leitbild-Interview", OrganizerId = SchedulingApp.Seeded.Organizer,
            InterviewerEmails = [SchedulingApp.Seeded.ModeratorAEmail], Mode = InterviewerMode.AnyOne, Duration = TimeSpan.FromHours(1),
            WindowStart = now, WindowEnd = now.AddDays(60), CreatedAt = now,
        };
        var result = new Dictionary<string, (Interview, List<InterviewProposal>)>();
        foreach (var (person, email, starts) in offers)
        {
            var interview = new Interview { Id = Guid.NewGuid().ToString("N"), CampaignId = campaign.Id, IntervieweeId = person, IntervieweeEmail = email, Status = InterviewStatus.Proposed, UpdatedAt = now };
            result[person] = (interview, starts.Select((s, i) => new InterviewProposal
            {
                Id = Guid.NewGuid().ToString("N"), InterviewId = interview.Id, Start = s, End = s.AddHours(1),
                InterviewerEmails = [SchedulingApp.Seeded.ModeratorAEmail], Rank = i + 1, Status = ProposalStatus.Open,
            }).ToList());
        }
        await Get<IInterviewStore>().CreateCampaignAsync(campaign, result.Values.Select(v => v.Item1).ToList(), result.Values.SelectMany(v => v.Item2).ToList(), CancellationToken.None);
        return result;
    }

    [Fact]
    public async Task StartingACampaignSendsTheIntervieweeACardWithUpToThreeTimesToBook()
    {
        await _client.PostAsync(As(Bernd, Activities.Install(_connector.ServiceUrl)));
        var overview = await Get<InterviewCampaignService>().StartCampaignAsync(new InterviewCampaignRequest
        {
            Title = "Interviews Baustein 2", OrganizerId = SchedulingApp.Seeded.Organizer, InterviewerIds = [SchedulingApp.Seeded.ModeratorA],
            Interviewees = [Bernd], Duration = TimeSpan.FromMinutes(60), WindowStart = Saturday(0).AddDays(2), WindowEnd = Saturday(0).AddDays(16),
        }, CancellationToken.None);
        Assert.True(await Get<InterviewProposalDelivery>().SendProposalsAsync(overview, CancellationToken.None));

        var card = await CardSentAsync("Interviews Baustein 2");
        CardSchema.AssertValid(card);
        var buttons = Actions(card, InterviewCards.BookVerb);
        Assert.InRange(buttons.Count, 1, 3);
        Assert.Equal(overview.Interviews.Single().Proposals.Select(p => p.Id).Order(), buttons.Select(b => DataOf(b, InterviewCards.ProposalIdKey)).Order());
        Assert.StartsWith("Buchen: ", buttons[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> CardSentAsync(string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var call in _connector.Calls.Where(c => c.Method == "POST" && c.Status is 200 or 201 && c.Path.Contains("/activities", StringComparison.Ordinal) && c.Body is not null))
            {
                var root = JsonDocument.Parse(call.Body!).RootElement;
                if (root.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
                    && attachments[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString() == title)
                {
                    return attachments[0].GetProperty("content").Clone();
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No card '{title}' reached the connector.");
    }

    [Fact]
    public async Task OneClickBooksTheTimeAndTheEventIsInBothLocalCalendars()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10), Saturday(14)]));
        var (interview, proposals) = offers[Bernd];

        var card = await PressAsync(Bernd, InterviewCards.BookVerb,
            new Dictionary<string, string> { ["interviewId"] = interview.Id, ["proposalId"] = proposals[1].Id });

        Assert.Contains("Ihr Interview ist gebucht.", card.AllText(), StringComparison.Ordinal);
        Assert.Contains(SchedulingLabels.Slot(proposals[1].Start, proposals[1].End, "de"), card.AllText(), StringComparison.Ordinal);
        Assert.Single(Actions(card, InterviewCards.RescheduleVerb));
        Assert.Single(Actions(card, InterviewCards.CancelVerb));
        var booked = await Get<IInterviewStore>().GetInterviewAsync(interview.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.Booked, booked!.Status);
        var calendar = Get<ICalendar>();
        foreach (var mailbox in new[] { BerndEmail, SchedulingApp.Seeded.ModeratorAEmail })
        {
            var schedule = (await calendar.GetSchedulesAsync([mailbox], proposals[1].Start, proposals[1].End, SlotKeys.Cell, CancellationToken.None)).For(mailbox);
            Assert.Contains(schedule.Blocks, b => b.Start == proposals[1].Start && b.End == proposals[1].End && b.Status == FreeBusyStatus.Busy);
        }
    }

    [Fact]
    public async Task ATimeSomeoneElseTookShowsTheRemainingProposalsAndSaysSo()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10), Saturday(14)]), (Clara, ClaraEmail, [Saturday(10)]));
        await PressAsync(Clara, InterviewCards.BookVerb, new Dictionary<string, string> { ["interviewId"] = offers[Clara].Interview.Id, ["proposalId"] = offers[Clara].Proposals[0].Id });

        var (interview, proposals) = offers[Bernd];
        var card = await PressAsync(Bernd, InterviewCards.BookVerb, new Dictionary<string, string> { ["interviewId"] = interview.Id, ["proposalId"] = proposals[0].Id });

        Assert.Contains("Dieser Termin ist inzwischen vergeben", card.AllText(), StringComparison.Ordinal);
        var left = Assert.Single(Actions(card, InterviewCards.BookVerb));
        Assert.Equal(proposals[1].Id, DataOf(left, InterviewCards.ProposalIdKey));
        Assert.Equal(InterviewStatus.Proposed, (await Get<IInterviewStore>().GetInterviewAsync(interview.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SomeoneElsePressingTheCardBooksNothing()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10)]));

        var card = await PressAsync(Clara, InterviewCards.BookVerb, new Dictionary<string, string> { ["interviewId"] = offers[Bernd].Interview.Id, ["proposalId"] = offers[Bernd].Proposals[0].Id });

        Assert.Contains("Nur die eingeladene Person", card.AllText(), StringComparison.Ordinal);
        Assert.Equal(InterviewStatus.Proposed, (await Get<IInterviewStore>().GetInterviewAsync(offers[Bernd].Interview.Id, CancellationToken.None))!.Status);
        var cancel = await PressAsync(Clara, InterviewCards.CancelVerb, new Dictionary<string, string> { ["interviewId"] = offers[Bernd].Interview.Id });
        Assert.Empty(Actions(cancel, InterviewBotHandlers.CancelConfirmVerb));
    }

    [Fact]
    public async Task CancellingFromTheCardAsksFirstThenCancelsTheInterviewAndItsEvent()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10)]));
        var ids = new Dictionary<string, string> { ["interviewId"] = offers[Bernd].Interview.Id };
        var booked = await PressAsync(Bernd, InterviewCards.BookVerb, new Dictionary<string, string>(ids) { ["proposalId"] = offers[Bernd].Proposals[0].Id });

        var question = await PressAsync(Bernd, InterviewCards.CancelVerb, ids);
        Assert.Equal(InterviewStatus.Booked, (await Get<IInterviewStore>().GetInterviewAsync(offers[Bernd].Interview.Id, CancellationToken.None))!.Status);
        var back = await PressAsync(Bernd, InterviewBotHandlers.ShowVerb, ids);
        Assert.Contains("Ihr Interview ist gebucht.", back.AllText(), StringComparison.Ordinal);
        var cancelled = await PressAsync(Bernd, DataOf(Actions(question, InterviewBotHandlers.CancelConfirmVerb).Single(), "verb"), ids);

        Assert.Contains("Dieses Interview ist abgesagt.", cancelled.AllText(), StringComparison.Ordinal);
        Assert.Empty(Actions(cancelled, InterviewCards.BookVerb));
        var interview = await Get<IInterviewStore>().GetInterviewAsync(offers[Bernd].Interview.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.Cancelled, interview!.Status);
        var stored = await Get<LocalCalendar>().GetStoredEventAsync(interview.EventId!, CancellationToken.None);
        Assert.True(stored!.Event.IsCancelled);
        Assert.NotEmpty(Actions(booked, InterviewCards.CancelVerb));
    }

    [Fact]
    public async Task AnotherTimeOffersFreshProposalsAndBookingOneMovesTheAppointment()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10)]));
        var ids = new Dictionary<string, string> { ["interviewId"] = offers[Bernd].Interview.Id };
        await PressAsync(Bernd, InterviewCards.BookVerb, new Dictionary<string, string>(ids) { ["proposalId"] = offers[Bernd].Proposals[0].Id });

        var card = await PressAsync(Bernd, InterviewCards.RescheduleVerb, ids);

        Assert.Contains("Ihr Interview ist gebucht.", card.AllText(), StringComparison.Ordinal);
        var moves = Actions(card, InterviewCards.BookVerb);
        Assert.InRange(moves.Count, 1, 3);
        Assert.All(moves, m => Assert.StartsWith("Verschieben auf: ", m.GetProperty("title").GetString(), StringComparison.Ordinal));
        var moved = await PressAsync(Bernd, InterviewCards.BookVerb, new Dictionary<string, string>(ids) { ["proposalId"] = DataOf(moves[0], InterviewCards.ProposalIdKey) });
        Assert.Contains("Ihr Interview ist gebucht.", moved.AllText(), StringComparison.Ordinal);
        var interview = await Get<IInterviewStore>().GetInterviewAsync(offers[Bernd].Interview.Id, CancellationToken.None);
        Assert.NotEqual(Saturday(10), interview!.Booked!.Start);
    }

    private async Task<string> BookedInterviewAsync()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10)]));
        var result = await Get<InterviewCampaignService>().BookAsync(offers[Bernd].Proposals[0].Id, Bernd, CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, result.Outcome);
        return offers[Bernd].Interview.Id;
    }

    // An organizer of the planning team: may read every interview's notes.
    private static readonly Actor PlanningTeam = new() { PersonId = SchedulingApp.Seeded.Organizer, Roles = new HashSet<Role> { Role.Staff, Role.Organizer } };

    private static Dictionary<string, string> Note(string interviewId, string text) => new()
    {
        [InterviewNoteCard.InterviewKey] = interviewId, [InterviewNoteCard.FieldKey] = "klima", [InterviewNoteCard.GoalKey] = "klima-1",
        [InterviewNoteCard.SentimentKey] = "Idea", [InterviewNoteCard.ConsentKey] = "QuoteAnonymously", [InterviewNoteCard.TextKey] = text,
    };

    [Fact]
    public async Task TheInterviewerRecordsAStatementFromTheNotesCard()
    {
        var interviewId = await BookedInterviewAsync();
        await _client.PostAsync(As(SchedulingApp.Seeded.ModeratorA, Activities.Text(_connector.ServiceUrl, "notiz")));
        var form = await CardSentAsync("Interviewnotiz");
        CardSchema.AssertValid(form);
        Assert.Contains("Bernd Fiktiva", form.AllText(), StringComparison.Ordinal);

        var saved = await PressAsync(SchedulingApp.Seeded.ModeratorA, InterviewNoteCard.SaveVerb, Note(interviewId, "Mehr Bäume in der Innenstadt."));

        Assert.Contains("Aussage gespeichert.", saved.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mehr Bäume", saved.AllText(), StringComparison.Ordinal);
        var statement = Assert.Single(await Get<InterviewNotesService>().ListStatementsAsync(interviewId, PlanningTeam, CancellationToken.None));
        Assert.Equal(("klima", "klima-1", StatementSentiment.Idea, StatementConsent.QuoteAnonymously), (statement.FieldOfActionId, statement.GoalId, statement.Sentiment, statement.Consent));
    }

    [Fact]
    public async Task AStatementWithoutTextIsRefusedWithTheReasonAndNothingIsStored()
    {
        var interviewId = await BookedInterviewAsync();

        var card = await PressAsync(SchedulingApp.Seeded.ModeratorA, InterviewNoteCard.SaveVerb, Note(interviewId, "   "));

        Assert.Contains("Die Aussage fehlt.", card.AllText(), StringComparison.Ordinal);
        Assert.Empty(await Get<InterviewNotesService>().ListStatementsAsync(interviewId, PlanningTeam, CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneWhoDidNotConductTheInterviewCannotWriteNotesForIt()
    {
        var interviewId = await BookedInterviewAsync();

        await _client.PostAsync(As(Clara, Activities.Text(_connector.ServiceUrl, "note", "en-US")));
        var card = await PressAsync(Clara, InterviewNoteCard.SaveVerb, Note(interviewId, "Erfunden."));

        var reply = _connector.Calls.Last(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal));
        Assert.Contains("no booked interviews", reply.Body, StringComparison.Ordinal);
        Assert.Contains("keine gebuchten Interviews", card.AllText(), StringComparison.Ordinal);
        Assert.Empty(await Get<InterviewNotesService>().ListStatementsAsync(interviewId, PlanningTeam, CancellationToken.None));
    }

    private async Task<SlotVote> VoteAsync()
    {
        var service = Get<WorkshopService>();
        var start = Saturday(0).AddDays(9);
        var workshop = await service.CreateAsync(new WorkshopRequest
        {
            Title = "Workshop Handlungsfelder", OrganizerId = SchedulingApp.Seeded.Organizer, Required = [Bernd, Clara],
            Duration = TimeSpan.FromHours(2), WindowStart = start, WindowEnd = start.AddDays(14),
        }, CancellationToken.None);
        return await service.StartVoteAsync(workshop.Id, null, start.AddDays(-1), CancellationToken.None);
    }

    private static Dictionary<string, string> Ballot(SlotVote vote, params string[] answers)
    {
        var data = new Dictionary<string, string> { [WorkshopVoteCards.VoteIdKey] = vote.Id };
        for (var i = 0; i < answers.Length; i++)
        {
            data[WorkshopVoteCards.InputId(i)] = answers[i];
        }
        return data;
    }

    [Fact]
    public async Task AWorkshopVoteIsSavedFromTheCardAndBooksItselfOnceEveryRequiredPersonSaidYes()
    {
        var vote = await VoteAsync();
        var no = Enumerable.Repeat("No", vote.Options.Count).ToArray();

        var first = await PressAsync(Bernd, WorkshopVoteCards.VoteVerb, Ballot(vote, ["Yes", "Maybe", .. no[2..]]));

        Assert.Contains("Danke! Ihre Antworten sind gespeichert.", first.AllText(), StringComparison.Ordinal);
        Assert.Contains("Ja 1 · Vielleicht 0 · Nein 0", first.AllText(), StringComparison.Ordinal);
        Assert.Equal(WorkshopStatus.Voting, (await Get<WorkshopService>().GetAsync(vote.WorkshopId, CancellationToken.None)).Status);

        var second = await PressAsync(Clara, WorkshopVoteCards.VoteVerb, Ballot(vote, ["Yes", .. no[1..]]));

        var option = vote.Options[0];
        Assert.Contains($"Der Workshop ist gebucht: {SchedulingLabels.Slot(option.Start, option.End, "de")}", second.AllText(), StringComparison.Ordinal);
        var workshop = await Get<WorkshopService>().GetAsync(vote.WorkshopId, CancellationToken.None);
        Assert.Equal((WorkshopStatus.Booked, option.Start), (workshop.Status, workshop.Start!.Value));
    }

    [Fact]
    public async Task AVoteWithATimeLeftOutOrFromSomeoneNotInvitedIsNotCounted()
    {
        var vote = await VoteAsync();

        var partial = await PressAsync(Bernd, WorkshopVoteCards.VoteVerb, Ballot(vote, "Yes"));
        var stranger = await PressAsync(Fenja, WorkshopVoteCards.VoteVerb, Ballot(vote, Enumerable.Repeat("Yes", vote.Options.Count).ToArray()));

        Assert.Contains("Bitte für jeden Termin Ja, Vielleicht oder Nein wählen.", partial.AllText(), StringComparison.Ordinal);
        Assert.Contains("Nur Eingeladene können abstimmen", stranger.AllText(), StringComparison.Ordinal);
        Assert.All((await Get<WorkshopService>().GetVoteStateAsync(vote.Id, CancellationToken.None)).Tallies, t => Assert.Equal(0, t.Yes + t.Maybe + t.No));
    }

    [Fact]
    public async Task StartingAVoteSendsEachParticipantACardWithYesMaybeNoPerTime()
    {
        await _client.PostAsync(As(Bernd, Activities.Install(_connector.ServiceUrl)));
        var vote = await VoteAsync();

        Assert.True(await Get<WorkshopVoteDelivery>().SendAsync(vote, CancellationToken.None));

        var card = await CardSentAsync("Workshop Handlungsfelder");
        CardSchema.AssertValid(card);
        var inputs = card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Input.ChoiceSet").ToList();
        Assert.Equal(vote.Options.Count, inputs.Count);
        Assert.All(inputs, i => Assert.Equal(["Yes", "Maybe", "No"], i.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString())));
        Assert.Single(Actions(card, WorkshopVoteCards.VoteVerb));
    }

    [Fact]
    public async Task TheInterviewsCommandShowsTheOwnInterviewToBookOrSaysThereIsNone()
    {
        await OfferAsync((Bernd, BerndEmail, [Saturday(10), Saturday(14)]));

        await _client.PostAsync(As(Bernd, Activities.Text(_connector.ServiceUrl, "interviews")));
        await _client.PostAsync(As(Clara, Activities.Text(_connector.ServiceUrl, "interviews")));

        var card = await CardSentAsync("Leitbild-Interview");
        Assert.Equal(2, Actions(card, InterviewCards.BookVerb).Count);
        var reply = _connector.Calls.Last(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal));
        Assert.Contains("keine offenen oder gebuchten Interviews", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheLastProposalWasTakenTheCardFindsNewTimesOnRequest()
    {
        var offers = await OfferAsync((Bernd, BerndEmail, [Saturday(10)]), (Clara, ClaraEmail, [Saturday(10)]));
        await PressAsync(Clara, InterviewCards.BookVerb, new Dictionary<string, string> { ["interviewId"] = offers[Clara].Interview.Id, ["proposalId"] = offers[Clara].Proposals[0].Id });
        var ids = new Dictionary<string, string> { ["interviewId"] = offers[Bernd].Interview.Id };

        var taken = await PressAsync(Bernd, InterviewCards.BookVerb, new Dictionary<string, string>(ids) { ["proposalId"] = offers[Bernd].Proposals[0].Id });
        Assert.Empty(Actions(taken, InterviewCards.BookVerb));
        var fresh = await PressAsync(Bernd, DataOf(Actions(taken, InterviewCards.RescheduleVerb).Single(), "verb"), ids);

        var choices = Actions(fresh, InterviewCards.BookVerb);
        Assert.InRange(choices.Count, 1, 3);
        var booked = await PressAsync(Bernd, InterviewCards.BookVerb, new Dictionary<string, string>(ids) { ["proposalId"] = DataOf(choices[0], InterviewCards.ProposalIdKey) });
        Assert.Contains("Ihr Interview ist gebucht.", booked.AllText(), StringComparison.Ordinal);
    }
}

internal static class CardText
{
    /// <summary>Every string in the card, unescaped (the raw JSON escapes "–" and umlauts).</summary>
    public static string AllText(this JsonElement card) => string.Join("\n", Strings(card));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
