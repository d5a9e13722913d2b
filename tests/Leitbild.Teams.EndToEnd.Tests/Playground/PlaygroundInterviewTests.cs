using System.Text.Json;
using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Evaluation.Bot;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.App.Scheduling.Bot;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Scheduling;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Leitbild.Teams.Core.Scheduling.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>
/// An interview campaign through the Agents Playground. The Playground delivers proactive 1:1 messages only to its
/// current user's personal chat, so the current user (Fenja Entwurf, a seeded person) is the interviewee and another
/// seeded person (Bernd Fiktiva) interviews.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class PlaygroundInterviewTests(PlaygroundFixture fixture)
{
    private const string Bernd = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private PlaygroundClient Client => fixture.Client;

    private T Get<T>() where T : notnull => fixture.App.Services.GetRequiredService<T>();

    private static IEnumerable<JsonElement> BookButtons(JsonElement card) =>
        card.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "ActionSet")
            .SelectMany(e => e.GetProperty("actions").EnumerateArray())
            .Where(a => a.GetProperty("type").GetString() == "Action.Execute" && a.GetProperty("verb").GetString() == InterviewCards.BookVerb);

    [Fact]
    public async Task AnIntervieweePicksASlotAndTheEventIsInBothLocalCalendars()
    {
        var mark = Client.Mark();
        await Client.InstallAsync();
        await Client.WaitForAsync(mark, e => e.CardTitle == "Welcome to the vision process", Patience, "welcome card");

        var title = "Leitbild-Interview " + Guid.NewGuid().ToString("N")[..6];
        var start = DateTimeOffset.UtcNow.AddDays(7);
        var overview = await Get<InterviewCampaignService>().StartCampaignAsync(new InterviewCampaignRequest
        {
            Title = title, OrganizerId = Client.UserObjectId, InterviewerIds = [Bernd], Interviewees = [Client.UserObjectId],
            Duration = TimeSpan.FromMinutes(45), WindowStart = start, WindowEnd = start.AddDays(14),
        }, CancellationToken.None);
        mark = Client.Mark();
        Assert.True(await Get<InterviewProposalDelivery>().SendProposalsAsync(overview, CancellationToken.None));

        var delivered = await Client.WaitForAsync(mark, e => e.ConversationId == Client.PersonalChatId && e.CardTitle == title, Patience, "proposal card");
        var choice = BookButtons(delivered.Card!.Value).First();
        var proposalId = choice.GetProperty("data").GetProperty(InterviewCards.ProposalIdKey).GetString();
        var proposal = overview.Interviews.Single().Proposals.Single(p => p.Id == proposalId);

        var response = await Client.ExecuteAsync(delivered.MessageId, choice);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var card = response.GetProperty("value").GetRawText();
        Assert.Contains("Your interview is booked.", card, StringComparison.Ordinal);
        Assert.Contains("Bernd Fiktiva", card, StringComparison.Ordinal);

        var interview = await Get<IInterviewStore>().GetInterviewAsync(overview.Interviews.Single().Interview.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.Booked, interview!.Status);

        // The card's .ics link opens without the tab's sign-in (it is signed); a changed link opens nothing.
        var ics = response.GetProperty("value").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl").GetProperty("url").GetString()!;
        using var http = new HttpClient();
        var file = await http.GetAsync(new Uri(ics));
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(ics[..(ics.IndexOf("sig=", StringComparison.Ordinal) + 4)] + "forged"))).StatusCode);
        var directory = Get<IDirectory>();
        var emails = new[] { (await directory.FindPersonAsync(Bernd, CancellationToken.None))!.Email, (await directory.FindPersonAsync(Client.UserObjectId, CancellationToken.None))!.Email };
        var stored = await Get<LocalCalendar>().GetStoredEventAsync(interview.EventId!, CancellationToken.None);
        Assert.Equal(emails[0], stored!.Event.OrganizerEmail, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(stored.Event.Attendees, a => string.Equals(a.Email, emails[1], StringComparison.OrdinalIgnoreCase));
        var schedules = await Get<ICalendar>().GetSchedulesAsync(emails, proposal.Start, proposal.End, SlotKeys.Cell, CancellationToken.None);
        foreach (var email in emails)
        {
            Assert.Contains(schedules.For(email).Blocks, b => b.Start == proposal.Start && b.End == proposal.End && b.Status == FreeBusyStatus.Busy);
        }
    }

    [Fact]
    public async Task AnOrganizerRecordsAnInterviewStatementFromTheNotesCard()
    {
        var start = DateTimeOffset.UtcNow.AddDays(7);
        var overview = await Get<InterviewCampaignService>().StartCampaignAsync(new InterviewCampaignRequest
        {
            Title = "Notizen-Test", OrganizerId = Client.UserObjectId, InterviewerIds = [Client.UserObjectId], Interviewees = [Bernd],
            Duration = TimeSpan.FromMinutes(30), WindowStart = start, WindowEnd = start.AddDays(14),
        }, CancellationToken.None);
        var offered = overview.Interviews.Single();
        Assert.Equal(BookingOutcome.Booked, (await Get<InterviewCampaignService>().BookAsync(offered.Proposals[0].Id, Bernd, CancellationToken.None)).Outcome);

        var mark = Client.Mark();
        await Client.SayAsync("note");
        var form = await Client.WaitForAsync(mark, e => e.ConversationId == Client.PersonalChatId && e.CardTitle == "Interview note", Patience, "notes card");
        var save = form.Card!.Value.GetProperty("actions")[0];
        var withInputs = JsonSerializer.SerializeToElement(new
        {
            type = "Action.Execute",
            verb = save.GetProperty("verb").GetString(),
            data = new Dictionary<string, string>
            {
                ["verb"] = InterviewNoteCard.SaveVerb, ["interviewId"] = offered.Interview.Id, ["fieldOfActionId"] = "wohnen", ["goalId"] = "",
                ["sentiment"] = "Problem", ["consent"] = "CountOnly", ["text"] = "Bezahlbare Wohnungen fehlen.",
            },
        });

        var response = await Client.ExecuteAsync(form.MessageId, withInputs);

        Assert.Contains("Statement saved.", response.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var statement = Assert.Single(await Get<InterviewNotesService>().ListStatementsAsync(offered.Interview.Id, new Actor { PersonId = Client.UserObjectId }, CancellationToken.None));
        Assert.Equal(("wohnen", (string?)null, StatementSentiment.Problem, StatementConsent.CountOnly), (statement.FieldOfActionId, statement.GoalId, statement.Sentiment, statement.Consent));
    }

    [Fact]
    public async Task AnOrganizerRecordsAWorkshopOutcomeFromTheCardAndTheCatalogueShowsTheNewWording()
    {
        var mark = Client.Mark();
        await Client.SayAsync("outcome");
        var form = await Client.WaitForAsync(mark, e => e.ConversationId == Client.PersonalChatId && e.CardTitle == "Workshop outcome", Patience, "outcome card");
        var save = All(form.Card!.Value).First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("verb", out var v) && v.GetString() == WorkshopOutcomeCard.SaveVerb);
        var withInputs = JsonSerializer.SerializeToElement(new
        {
            type = "Action.Execute",
            verb = WorkshopOutcomeCard.SaveVerb,
            data = new Dictionary<string, string>
            {
                ["verb"] = WorkshopOutcomeCard.SaveVerb, [WorkshopOutcomeCard.PhaseKey] = "workshop-2", [WorkshopOutcomeCard.GoalKey] = "mobilitaet-2",
                [WorkshopOutcomeCard.KindKey] = nameof(GoalOutcomeKind.Reworded), [WorkshopOutcomeCard.NewTextDeKey] = "Alle Ortsteile sind im Takt mit Bus und Bahn verbunden.",
                [WorkshopOutcomeCard.NewTextEnKey] = "All districts have regular bus and rail connections.", [WorkshopOutcomeCard.PriorityKey] = nameof(GoalPriority.High),
            },
        });
        Assert.Equal(JsonValueKind.Object, save.ValueKind);

        var response = await Client.ExecuteAsync(form.MessageId, withInputs);

        Assert.Contains("Outcome saved.", response.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var store = Get<IProcessStore>();
        var process = (await store.ListProcessesAsync(CancellationToken.None)).First();
        var goal = (await store.GetGoalsAsync(process.Id, CancellationToken.None))!.FindGoal("mobilitaet-2")!;
        Assert.Equal("Alle Ortsteile sind im Takt mit Bus und Bahn verbunden.", goal.Text.De);
    }

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

    [Fact]
    public async Task AParticipantAnswersTheWorkshopDateVoteFromTheCard()
    {
        var service = Get<WorkshopService>();
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var workshop = await service.CreateAsync(new WorkshopRequest
        {
            Title = "Workshop " + Guid.NewGuid().ToString("N")[..6], OrganizerId = Client.UserObjectId, Required = [Client.UserObjectId, Bernd],
            Duration = TimeSpan.FromHours(2), WindowStart = start, WindowEnd = start.AddDays(14),
        }, CancellationToken.None);
        var vote = await service.StartVoteAsync(workshop.Id, null, start.AddDays(-1), CancellationToken.None);
        var mark = Client.Mark();
        Assert.True(await Get<WorkshopVoteDelivery>().SendAsync(vote, CancellationToken.None));
        var delivered = await Client.WaitForAsync(mark, e => e.ConversationId == Client.PersonalChatId && e.CardTitle == workshop.Title, Patience, "vote card");
        var send = delivered.Card!.Value.GetProperty("actions")[0];
        var inputs = vote.Options.ToDictionary(o => WorkshopVoteCards.InputId(o.Index), o => o.Index == 0 ? "Yes" : "No");

        var response = await Client.ExecuteInAsync(Client.PersonalChatId, Client.UserId, delivered.MessageId, send, inputs);

        Assert.Contains("Thank you! Your answers are saved.", response.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        var tally = (await service.GetVoteStateAsync(vote.Id, CancellationToken.None)).Tallies;
        Assert.Equal(1, tally[0].Yes);
        Assert.All(tally.Skip(1), t => Assert.Equal(1, t.No));
    }
}
