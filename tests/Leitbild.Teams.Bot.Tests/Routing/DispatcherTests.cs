using System.Text.Json;
using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Bot.Tests.Routing;

public class DispatcherTests
{
    private readonly List<string> _ran = [];
    private readonly RecordingConnector _connector = new();
    private readonly ActivityDispatcher _dispatcher;

    public DispatcherTests()
    {
        var routes = new BotRoutes()
            .OnCommand(["hilfe", "help"], (_, args, _) => Ran($"help:{args}"))
            .OnCommand(["status"], (_, _, _) => Ran("status"))
            .OnUnknownCommand((_, text, _) => Ran($"unknown:{text}"))
            .OnSubmit("poll.answer", (_, data, _) => Ran($"submit:{data.GetProperty("choice").GetString()}"))
            .OnCardAction("poll.vote", (_, action, _) =>
            {
                _ran.Add($"execute:{action.Data!.Value.GetProperty("choice").GetString()}");
                return Task.FromResult(InvokeResponse.Message("ok"));
            })
            .OnTaskFetch("poll.details", (_, _, _) =>
            {
                _ran.Add("fetch");
                return Task.FromResult(TaskModuleResponse.Message("details"));
            })
            .OnTaskSubmit("poll.details", (_, _, _) =>
            {
                _ran.Add("task-submit");
                return Task.FromResult(TaskModuleResponse.Message("saved"));
            })
            .OnConversationUpdate((_, _) => Ran("conversationUpdate"))
            .OnInstallationUpdate((_, _) => Ran("installationUpdate"))
            .OnEveryActivity((turn, _) => Ran($"every:{turn.Activity.Type}"));
        _dispatcher = new ActivityDispatcher(routes);
    }

    private Task Ran(string what)
    {
        _ran.Add(what);
        return Task.CompletedTask;
    }

    private Task<InvokeResponse?> Dispatch(Activity activity) =>
        _dispatcher.DispatchAsync(new TurnContext(activity, new ServiceCollection().BuildServiceProvider(), _connector), CancellationToken.None);

    private static Activity Message(string text) => new() { Type = "message", Id = "1", Text = text, Recipient = new ChannelAccount { Id = "28:bot" } };

    private static Activity Invoke(string name, object value) => new() { Type = "invoke", Id = "2", Name = name, Value = JsonSerializer.SerializeToElement(value) };

    [Theory]
    [InlineData("hilfe", "help:")]
    [InlineData("Help", "help:")]
    [InlineData("HILFE bitte", "help:bitte")]
    [InlineData("  status  ", "status")]
    [InlineData("status!", "status")]
    public async Task TextCommandsMatchGermanAndEnglishWordsWithoutCase(string text, string expected)
    {
        await Dispatch(Message(text));

        Assert.Equal(["every:message", expected], _ran);
    }

    [Fact]
    public async Task TheBotsMentionInAChannelIsNotPartOfTheCommand()
    {
        var message = Message("<at>Leitbild</at> hilfe") with
        {
            Entities = [new Entity { Type = "mention", Text = "<at>Leitbild</at>", Mentioned = new ChannelAccount { Id = "28:bot" } }],
        };

        await Dispatch(message);

        Assert.Contains("help:", _ran);
    }

    [Fact]
    public async Task TextThatIsNoCommandGoesToTheUnknownHandler()
    {
        await Dispatch(Message("wie geht's"));

        Assert.Contains("unknown:wie geht's", _ran);
    }

    [Fact]
    public async Task AnActionSubmitIsRoutedByTheVerbInItsValue()
    {
        var submit = Message("") with { Value = JsonSerializer.SerializeToElement(new { verb = "poll.answer", choice = "ja" }) };

        await Dispatch(submit);

        Assert.Equal(["every:message", "submit:ja"], _ran);
    }

    [Fact]
    public async Task AnActionExecuteIsRoutedByVerbAndAnswered()
    {
        var response = await Dispatch(Invoke(InvokeNames.AdaptiveCardAction,
            new { action = new { type = "Action.Execute", verb = "poll.vote", data = new { choice = "nein" } }, trigger = "manual" }));

        Assert.Contains("execute:nein", _ran);
        Assert.Equal(200, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(ContentTypes.ActivityMessage, body.Type);
    }

    [Fact]
    public async Task AnUnknownVerbIsNotImplemented()
    {
        var response = await Dispatch(Invoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute", verb = "nobody.knows" } }));

        Assert.Equal(501, response!.Status);
    }

    [Fact]
    public async Task AnInvokeWithoutVerbIsABadRequestInTheErrorShape()
    {
        var response = await Dispatch(Invoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute" } }));

        Assert.Equal(400, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(ContentTypes.Error, body.Type);
        Assert.Equal(400, body.StatusCode);
        Assert.Equal("BadRequest", body.Value!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnInvokeWhoseValueIsNotAnObjectIsABadRequest()
    {
        var response = await Dispatch(new Activity { Type = "invoke", Name = InvokeNames.AdaptiveCardAction, Value = JsonSerializer.SerializeToElement("x") });

        Assert.Equal(400, response!.Status);
    }

    [Fact]
    public async Task AnUnknownInvokeNameIsNotImplemented()
    {
        var response = await Dispatch(Invoke("composeExtension/query", new { commandId = "x" }));

        Assert.Equal(501, response!.Status);
        Assert.Null(response.Body);
    }

    [Fact]
    public async Task DialogFetchAndSubmitAreRoutedByTheVerbInTheirData()
    {
        var fetch = await Dispatch(Invoke(InvokeNames.TaskFetch, new { data = new { verb = "poll.details" }, context = new { theme = "default" } }));
        var submit = await Dispatch(Invoke(InvokeNames.TaskSubmit, new { data = new { verb = "poll.details", comment = "gut" } }));

        Assert.Equal(["every:invoke", "fetch", "every:invoke", "task-submit"], _ran);
        Assert.Equal("message", Assert.IsType<TaskModuleResponse>(fetch!.Body).Task.Type);
        Assert.Equal(200, submit!.Status);
    }

    [Fact]
    public async Task ConversationAndInstallationUpdatesReachTheirHandlers()
    {
        await Dispatch(new Activity { Type = "conversationUpdate" });
        await Dispatch(new Activity { Type = "installationUpdate", Action = "add" });

        Assert.Equal(["every:conversationUpdate", "conversationUpdate", "every:installationUpdate", "installationUpdate"], _ran);
    }

    [Fact]
    public async Task UnknownActivityTypesAreIgnored()
    {
        var response = await Dispatch(new Activity { Type = "messageReaction" });

        Assert.Null(response);
        Assert.Empty(_ran);
    }

    [Fact]
    public void RegisteringTheSameCommandTwiceFailsAtStartup()
    {
        var routes = new BotRoutes().OnCommand(["status"], (_, _, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => routes.OnCommand(["Status"], (_, _, _) => Task.CompletedTask));
    }

    [Fact]
    public void RegisteringTheSameCardVerbTwiceFailsAtStartup()
    {
        var routes = new BotRoutes().OnCardAction("poll.vote", (_, _, _) => Task.FromResult(InvokeResponse.Ok()));

        Assert.Throws<InvalidOperationException>(() => routes.OnCardAction("poll.vote", (_, _, _) => Task.FromResult(InvokeResponse.Ok())));
    }
}
