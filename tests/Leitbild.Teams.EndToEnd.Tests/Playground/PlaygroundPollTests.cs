using Leitbild.Teams.App.Localization;
using System.Text.Json;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>
/// A goal rating poll in a group chat through the Agents Playground: the organizer starts it with the bot command,
/// two people answer, one changes the answer, the tally is right, and closing turns the cards into results.
/// The Playground's users are seeded people (tests/node/playground/.m365agentsplayground.yml); it sends locale en-US.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class PlaygroundPollTests(PlaygroundFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private PlaygroundClient Client => fixture.Client;

    private static JsonElement Action(JsonElement card, string verb) =>
        All(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute" && e.GetProperty("verb").GetString() == verb).First();

    private static IEnumerable<JsonElement> All(JsonElement element)
    {
        yield return element;
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in element.EnumerateObject().SelectMany(p => All(p.Value)))
            {
                yield return child;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray().SelectMany(All))
            {
                yield return child;
            }
        }
    }

    private static JsonElement CardOf(JsonElement invokeResponse)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeResponse.GetProperty("type").GetString());
        return invokeResponse.GetProperty("value");
    }

    private static string Text(JsonElement card) => card.GetRawText();

    [Fact]
    public async Task AGroupChatRatesThreeGoalsOneChangesAndTheClosedCardsWithholdTheTallyOfFewerThanFive()
    {
        Assert.NotEmpty(Client.GroupChatId);
        var chat = Client.GroupChatId;
        var organizer = Client.UserId;
        var (anna, ben) = (Client.OtherUserIds[0], Client.OtherUserIds[1]);

        var mark = Client.Mark();
        await Client.InstallInAsync(chat);
        await Client.SayInAsync(chat, organizer, "poll");
        var createCard = await Client.WaitForAsync(mark, e => e.ConversationId == chat && e.CardTitle == "New poll", Patience, "create card");

        mark = Client.Mark();
        var started = CardOf(await Client.ExecuteInAsync(chat, organizer, createCard.MessageId, Action(createCard.Card!.Value, "poll.create"), new Dictionary<string, string>
        {
            ["title"] = "Klima, Wohnen, Mobilität",
            ["phase"] = "workshop-1",
            ["goals"] = "klima-1,wohnen-1,mobilitaet-1",
            ["anonymous"] = "false",
            ["visibility"] = "AfterClose",
        }));
        Assert.Contains("has started", Text(started));
        var pollCard = await Client.WaitForAsync(mark, e => e.ConversationId == chat && e.CardTitle == "Klima, Wohnen, Mobilität", Patience, "poll card in the chat");
        var answer = Action(pollCard.Card!.Value, "poll.answer");

        var annasCard = CardOf(await Client.ExecuteInAsync(chat, anna, pollCard.MessageId, answer,
            new Dictionary<string, string> { ["q1.klima-1"] = "5", ["q1.wohnen-1"] = "4", ["q1.mobilitaet-1"] = "3" }));
        Assert.Contains("Thank you! Your answer is saved.", Text(annasCard));
        Assert.Contains("5 – strongly agree", Text(annasCard));

        var bensCard = CardOf(await Client.ExecuteInAsync(chat, ben, pollCard.MessageId, answer,
            new Dictionary<string, string> { ["q1.klima-1"] = "2", ["q1.wohnen-1"] = "2", ["q1.mobilitaet-1"] = "na" }));
        Assert.Contains("no answer", Text(bensCard));

        // Anna changes her mind: the change card is prefilled, the new answer replaces the old one.
        var changeCard = CardOf(await Client.ExecuteInAsync(chat, anna, pollCard.MessageId, Action(annasCard, "poll.change")));
        Assert.Contains("\"value\":\"5\"", Text(changeCard));
        var changed = CardOf(await Client.ExecuteInAsync(chat, anna, pollCard.MessageId, Action(changeCard, "poll.answer"),
            new Dictionary<string, string> { ["q1.klima-1"] = "1", ["q1.wohnen-1"] = "4", ["q1.mobilitaet-1"] = "3" }));
        Assert.Contains("1 – strongly disagree", Text(changed));

        // Someone outside the chat's tampering: a made-up rating is refused and nothing changes.
        var refused = CardOf(await Client.ExecuteInAsync(chat, ben, pollCard.MessageId, answer, new Dictionary<string, string> { ["q1.klima-1"] = "9" }));
        Assert.Contains("A rating must be between 1 and 5.", Text(refused));

        mark = Client.Mark();
        var closed = CardOf(await Client.ExecuteInAsync(chat, organizer, createCard.MessageId, Action(started, "poll.close")));
        Assert.Contains("This poll is closed.", Text(closed));
        Assert.Contains("2 people answered.", Text(closed));
        // Two people are fewer than the five every figure needs: the card names no mean and no distribution
        // (klima-1 would be 1.5 with 1:1 2:1 - Anna's changed answer and Ben's).
        Assert.Contains(Texts.Get("poll.card.tooFewAnswers", "en"), Text(closed));
        Assert.DoesNotContain("1: 1 · 2: 1 · 3: 0 · 4: 0 · 5: 0", Text(closed));
        Assert.DoesNotContain("\"text\":\"1.5\"", Text(closed));

        // The card everyone in the chat sees is replaced too (in German: a chat has no one language).
        var updated = await Client.WaitForAsync(mark, e => e.Action == "updateMessage" && e.ConversationId == chat && e.MessageId == pollCard.MessageId, Patience, "the chat's poll card closed");
        Assert.Contains("Diese Umfrage ist geschlossen.", Text(updated.Card!.Value));
        Assert.Contains(Texts.Get("poll.card.tooFewAnswers", "de"), Text(updated.Card!.Value));
        Assert.DoesNotContain("1: 1 · 2: 1", Text(updated.Card!.Value));

        var late = CardOf(await Client.ExecuteInAsync(chat, ben, pollCard.MessageId, answer, new Dictionary<string, string> { ["q1.klima-1"] = "5" }));
        Assert.Contains("This poll is closed.", Text(late));
    }
}
