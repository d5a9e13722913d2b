using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leitbild.Teams.App.Bot;
using Leitbild.Teams.App.Help;
using Leitbild.Teams.Bot.Broadcast;
using Leitbild.Teams.ConnectorSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Bot;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
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

    private string ServiceUrl => _connector.ServiceUrl;

    /// <summary>The card in the last message the bot posted to the simulated Teams connector.</summary>
    private JsonElement LastCardSent()
    {
        var call = _connector.Calls.Last(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal));
        var attachment = JsonDocument.Parse(call.Body!).RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    private static string Title(JsonElement card) => card.GetProperty("body")[0].GetProperty("text").GetString()!;

    [Fact]
    public async Task InstallingTheAppSendsAGermanWelcomeCard()
    {
        var response = await _client.PostAsync(Activities.Install(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = LastCardSent();
        Assert.Equal("Willkommen beim Leitbildprozess", Title(card));
        Assert.Contains("Stadt Bergkamen", card.GetProperty("body")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        CardSchema.AssertValid(card);
    }

    [Fact]
    public async Task AnEnglishTeamsClientGetsTheWelcomeInEnglish()
    {
        await _client.PostAsync(Activities.Install(ServiceUrl, "en-US"));

        Assert.Equal("Welcome to the vision process", Title(LastCardSent()));
    }

    [Fact]
    public async Task AnUpgradeDoesNotWelcomeAgain()
    {
        await _client.PostAsync(Activities.Install(ServiceUrl) with { Action = "add-upgrade" });

        Assert.Empty(_connector.Calls);
    }

    [Theory]
    [InlineData("hilfe", "de-DE", "Hilfe")]
    [InlineData("help", "en-US", "Help")]
    [InlineData("Hilfe", "en-GB", "Help")]
    public async Task HelpListsTheCommandsInTheTeamsLanguage(string text, string locale, string title)
    {
        await _client.PostAsync(Activities.Text(ServiceUrl, text, locale));

        var card = LastCardSent();
        Assert.Equal(title, Title(card));
        var commands = card.GetProperty("body")[2].GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("title").GetString()).ToList();
        Assert.Contains("hilfe / help", commands);
        Assert.Contains("status", commands);
        CardSchema.AssertValid(card);
    }

    [Fact]
    public async Task StatusShowsTheRunningProcess()
    {
        await _client.PostAsync(Activities.Text(ServiceUrl, "status"));

        var card = LastCardSent();
        Assert.Equal("Stand des Leitbildprozesses", Title(card));
        Assert.Contains("Leitbild", card.GetProperty("body")[1].GetProperty("facts")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        CardSchema.AssertValid(card);
    }

    [Fact]
    public async Task AnUnknownCommandGetsAHintInsteadOfSilence()
    {
        await _client.PostAsync(Activities.Text(ServiceUrl, "wetter morgen"));

        var call = _connector.Calls.Single();
        Assert.Contains("hilfe", JsonDocument.Parse(call.Body!).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressingStatusOnACardAnswersTheInvokeWithTheStatusCard()
    {
        var response = await _client.PostAsync(Activities.Execute(ServiceUrl, HelpCards.StatusVerb));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Equal("Stand des Leitbildprozesses", Title(body.GetProperty("value")));
        CardSchema.AssertValid(body.GetProperty("value"));
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task TheSubmitFallbackOfStatusReplacesTheCardThroughTheConnector()
    {
        var response = await _client.PostAsync(Activities.Submit(ServiceUrl, HelpCards.StatusVerb, replyToId: "welcome-7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(_connector.Calls);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/welcome-7", update.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHelpButtonOfTheWelcomeCardSendsTheHelpCard()
    {
        await _client.PostAsync(Activities.Submit(ServiceUrl, HelpCards.HelpVerb));

        Assert.Equal("Hilfe", Title(LastCardSent()));
    }

    [Fact]
    public async Task AnUnknownInvokeIsNotImplemented()
    {
        var response = await _client.PostAsync(Activities.Base(ServiceUrl, "invoke") with { Name = "composeExtension/query", Value = JsonSerializer.SerializeToElement(new { }) });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task AnInvokeWithoutVerbIsABadRequestInTheProtocolsErrorShape()
    {
        var response = await _client.PostAsync(Activities.Base(ServiceUrl, "invoke") with
        {
            Name = "adaptiveCard/action",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute" } }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnknownActivityTypesAreAcceptedAndIgnored()
    {
        var response = await _client.PostAsync(Activities.Base(ServiceUrl, "messageReaction"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task OnlyPostIsAllowed()
    {
        var response = await _client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task AnActivityWithoutTypeIsABadRequest()
    {
        var response = await _client.PostAsync("/api/messages", new StringContent("""{"text":"hilfe"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task InLocalModeOnlyThisMachineMayCall()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Activities.Text(ServiceUrl, "hilfe")),
        };
        request.Headers.Add(BotAppFactory.RemoteAddressHeader, "198.51.100.7");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task ARetriedMessageIsAnsweredOnce()
    {
        var message = Activities.Text(ServiceUrl, "hilfe");

        await _client.PostAsync(message);
        var retry = await _client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task InstallStoresTheConversationAndUninstallForgetsIt()
    {
        var references = _factory.Services.GetRequiredService<IConversationReferenceStore>();

        await _client.PostAsync(Activities.Install(ServiceUrl));
        var stored = await references.FindPersonalAsync(Activities.Tenant, Activities.PersonId, CancellationToken.None);
        Assert.Equal("a:personal-1", stored!.Conversation!.Id);
        Assert.Equal(ServiceUrl, stored.ServiceUrl);

        await _client.PostAsync(Activities.Install(ServiceUrl) with { Action = "remove" });
        Assert.Null(await references.GetAsync("a:personal-1", CancellationToken.None));
    }
}
