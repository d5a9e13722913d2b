using Leitbild.Teams.Bot.Routing;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Bot.Tests.Routing;

public class TurnContextTests
{
    private static TurnContext Turn(Activity activity, RecordingConnector connector) =>
        new(activity, new ServiceCollection().BuildServiceProvider(), connector);

    [Theory]
    [InlineData("de-DE", "de")]
    [InlineData("en-US", "en")]
    [InlineData("EN-gb", "en")]
    [InlineData(null, "de")]
    [InlineData("fr-FR", "de")]
    public void TheLanguageIsEnglishOnlyForEnglishLocales(string? locale, string expected) =>
        Assert.Equal(expected, Turn(new Activity { Type = "message", Locale = locale }, new RecordingConnector()).Language);

    [Fact]
    public async Task ARepliesIsAddressedBackIntoTheConversationAsTheBot()
    {
        var connector = new RecordingConnector();
        var inbound = new Activity
        {
            Type = "message", Id = "m1", ServiceUrl = "https://smba.example/", ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user" }, Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:1", TenantId = "t1" },
        };

        await Turn(inbound, connector).SendTextAsync("Hallo", CancellationToken.None);

        var (_, target, sent) = Assert.Single(connector.Calls);
        Assert.Equal("a:1", target.Conversation!.Id);
        Assert.Equal("t1", target.TenantId);
        Assert.Equal("28:bot", sent!.From!.Id);
        Assert.Equal("29:user", sent.Recipient!.Id);
        Assert.Equal("m1", sent.ReplyToId);
        Assert.Equal("Hallo", sent.Text);
    }

    [Fact]
    public async Task WithExpectRepliesTheRepliesAreBufferedInsteadOfSent()
    {
        var connector = new RecordingConnector();
        var turn = Turn(new Activity { Type = "message", DeliveryMode = "expectReplies" }, connector);

        await turn.SendTextAsync("eins", CancellationToken.None);

        Assert.Empty(connector.Calls);
        Assert.Equal("eins", Assert.Single(turn.BufferedReplies!).Text);
    }
}
