using System.Text.Json;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>
/// The bot against the Microsoft 365 Agents Playground, the local Teams client. The Playground sends locale en-US,
/// so the bot answers in English here; the German texts are covered in the App tests.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public class PlaygroundBotTests(PlaygroundFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private PlaygroundClient Client => fixture.Client;

    private async Task<PlaygroundEvent> InstallAndGetWelcomeAsync()
    {
        var mark = Client.Mark();
        await Client.InstallAsync();
        return await Client.WaitForAsync(mark, e => e.Action == "createMessage" && e.CardTitle == "Welcome to the vision process", Patience, "welcome card");
    }

    private static JsonElement ActionOfType(JsonElement card, string type) =>
        card.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "ActionSet")
            .SelectMany(e => e.GetProperty("actions").EnumerateArray())
            .First(a => a.GetProperty("type").GetString() == type);

    [Fact]
    public async Task InstallingTheAppBringsTheWelcomeCard()
    {
        var welcome = await InstallAndGetWelcomeAsync();

        Assert.Equal(Client.PersonalChatId, welcome.ConversationId);
        Assert.Equal("1.5", welcome.Card!.Value.GetProperty("version").GetString());
        Assert.Equal("bot.status", ActionOfType(welcome.Card.Value, "Action.Execute").GetProperty("verb").GetString());
    }

    [Fact]
    public async Task HilfeBringsTheHelpCard()
    {
        var mark = Client.Mark();

        await Client.SayAsync("hilfe");

        var help = await Client.WaitForAsync(mark, e => e.CardTitle == "Help", Patience, "help card");
        var commands = help.Card!.Value.GetProperty("body")[2].GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("title").GetString());
        Assert.Contains("hilfe / help", commands);
    }

    [Fact]
    public async Task PressingActionExecuteOnTheWelcomeCardIsAnsweredWithTheStatusCard()
    {
        var welcome = await InstallAndGetWelcomeAsync();
        var execute = ActionOfType(welcome.Card!.Value, "Action.Execute");

        var response = await Client.ExecuteAsync(welcome.MessageId, execute);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var card = response.GetProperty("value");
        Assert.Equal("Status of the vision process", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Contains("Bergkamen", card.GetProperty("body")[1].GetProperty("facts")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressingActionSubmitOnTheWelcomeCardIsHandled()
    {
        var welcome = await InstallAndGetWelcomeAsync();
        var submit = ActionOfType(welcome.Card!.Value, "Action.Submit");
        var mark = Client.Mark();

        await Client.SubmitAsync(welcome.MessageId, submit.GetProperty("data"));

        await Client.WaitForAsync(mark, e => e.Action == "createMessage" && e.CardTitle == "Help", Patience, "help card after Action.Submit");
    }

    [Fact]
    public async Task TheSubmitFallbackOfActionExecuteUpdatesTheCardInPlace()
    {
        var welcome = await InstallAndGetWelcomeAsync();
        var fallback = ActionOfType(welcome.Card!.Value, "Action.Execute").GetProperty("fallback");
        var mark = Client.Mark();

        await Client.SubmitAsync(welcome.MessageId, fallback.GetProperty("data"));

        var update = await Client.WaitForAsync(mark, e => e.Action == "updateMessage", Patience, "card update");
        Assert.Equal(welcome.MessageId, update.MessageId);
        Assert.Equal("Status of the vision process", update.CardTitle);
    }

    [Fact]
    public async Task ABroadcastReachesThePersonInTheirPersonalChat()
    {
        await InstallAndGetWelcomeAsync();
        var broadcaster = fixture.App.Services.GetRequiredService<Broadcaster>();
        var job = new BroadcastJob
        {
            Id = "e2e-" + Guid.NewGuid().ToString("N"),
            TenantId = Client.TenantId,
            ServiceUrl = fixture.Playground.BaseUrl + "/_connector",
            ContentKind = ActivityBroadcastContent.KindName,
            Payload = ActivityBroadcastContent.Payload(new Activity { Type = "message", Text = "Eine neue Umfrage ist da." }),
            Recipients = [new BroadcastRecipient(Client.UserObjectId)],
        };
        var mark = Client.Mark();

        await broadcaster.CreateAsync(job, CancellationToken.None);
        var report = await broadcaster.RunAsync(job.Id, null, CancellationToken.None);

        Assert.Equal(1, report.Delivered);
        var message = await Client.WaitForAsync(mark, e => e.Message.TryGetProperty("text", out var t) && t.GetString() == "Eine neue Umfrage ist da.", Patience, "broadcast message");
        Assert.Equal(Client.PersonalChatId, message.ConversationId);
    }
}
