using System.Text.Json;
using Leitbild.Teams.Bot.Schema;

namespace Leitbild.Teams.Bot.Tests.Schema;

public class ActivityRoundTripTests
{
    private static Activity Read(string json) => JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

    private static string Write(Activity activity) => JsonSerializer.Serialize(activity, BotJson.Options);

    [Theory]
    [InlineData(nameof(DocumentedPayloads.PersonalMessage))]
    [InlineData(nameof(DocumentedPayloads.BotAddedToPersonalChat))]
    [InlineData(nameof(DocumentedPayloads.BotAddedToTeam))]
    [InlineData(nameof(DocumentedPayloads.InstallationUpdateAdd))]
    [InlineData(nameof(DocumentedPayloads.ReactionAdded))]
    [InlineData(nameof(DocumentedPayloads.ChannelCreated))]
    [InlineData(nameof(DocumentedPayloads.AdaptiveCardActionInvoke))]
    [InlineData(nameof(DocumentedPayloads.TaskFetchInvoke))]
    public void EveryDocumentedPayloadSurvivesARoundTripUnchanged(string name)
    {
        var json = (string)typeof(DocumentedPayloads).GetField(name)!.GetValue(null)!;

        JsonAssert.Equivalent(json, Write(Read(json)));
    }

    [Fact]
    public void APersonalMessageExposesSenderTenantLocaleAndText()
    {
        var activity = Read(DocumentedPayloads.PersonalMessage);

        Assert.True(activity.IsType(ActivityTypes.Message));
        Assert.Equal("Hello Teams TestBot", activity.Text);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", activity.From!.AadObjectId);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.TenantId);
        Assert.Equal("en-US", activity.EffectiveLocale);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal(new DateTimeOffset(2017, 2, 1, 21, 10, 7, 437, TimeSpan.Zero), activity.Timestamp);
    }

    [Fact]
    public void TeamsChannelDataOfABotAddedToATeamIsTyped()
    {
        var activity = Read(DocumentedPayloads.BotAddedToTeam);

        Assert.Equal("teamMemberAdded", activity.ChannelData!.EventType);
        Assert.Equal("f3ec8cd2-e704-4344-8c47-9a3a21d683c0", activity.ChannelData.Team!.AadGroupId);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", activity.ChannelData.Settings!.SelectedChannel!.Id);
        Assert.Equal(activity.Recipient!.Id, Assert.Single(activity.MembersAdded!).Id);
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", activity.TenantId);
    }

    [Fact]
    public void UnknownMembersAreKeptAsExtensionData()
    {
        var activity = Read(DocumentedPayloads.ReactionAdded);

        Assert.True(activity.ExtensionData!.ContainsKey("reactionsAdded"));
        Assert.Equal("1:19uJ8TZA1cZcms7-2HLOW3pWRF4nSWEoVnRqc0DPa_kY", activity.ExtensionData["legacy"].GetProperty("replyToId").GetString());
    }

    [Fact]
    public void TheInstallationUpdateCarriesItsAction()
    {
        var activity = Read(DocumentedPayloads.InstallationUpdateAdd);

        Assert.True(activity.IsType(ActivityTypes.InstallationUpdate));
        Assert.Equal("add", activity.Action);
        Assert.Equal("message", activity.ChannelData!.ExtensionData!["source"].GetProperty("name").GetString());
    }

    [Fact]
    public void TheAdaptiveCardActionValueReadsAsVerbDataAndTrigger()
    {
        var activity = Read(DocumentedPayloads.AdaptiveCardActionInvoke);

        var value = activity.Value!.Value.Deserialize<AdaptiveCardInvokeValue>(BotJson.Options)!;

        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("Action.Execute", value.Action!.Type);
        Assert.Equal("def", value.Action.Verb);
        Assert.Equal("abc", value.Action.Id);
        Assert.Equal("klima-1", value.Action.Data!.Value.GetProperty("goal").GetString());
        Assert.Equal("manual", value.Trigger);
    }

    [Fact]
    public void ATaskModuleResponseRoundTripsThroughTheTypedModel()
    {
        var response = JsonSerializer.Deserialize<TaskModuleResponse>(DocumentedPayloads.TaskContinueResponse, BotJson.Options)!;

        Assert.Equal("continue", response.Task.Type);
        JsonAssert.Equivalent(DocumentedPayloads.TaskContinueResponse, JsonSerializer.Serialize(response, BotJson.Options));
    }

    [Fact]
    public void AnInvokeResponseHasTheDocumentedShape()
    {
        // Response format of https://learn.microsoft.com/microsoftteams/platform/bots/universal-bot-action-model/develop-universal-bot-action-model
        var body = new AdaptiveCardInvokeResponse { StatusCode = 200, Type = ContentTypes.AdaptiveCard, Value = JsonSerializer.SerializeToElement(new { type = "AdaptiveCard" }) };

        JsonAssert.Equivalent("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}""",
            JsonSerializer.Serialize(body, BotJson.Options));
    }

    [Fact]
    public void MentionsOfTheBotAreStrippedFromCommandText()
    {
        var activity = Read(DocumentedPayloads.PersonalMessage) with
        {
            Text = "<at>Teams TestBot</at> hilfe",
            Entities = [new Entity { Type = "mention", Text = "<at>Teams TestBot</at>", Mentioned = new ChannelAccount { Id = "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c" } }],
        };

        Assert.Equal("hilfe", activity.TextWithoutMentions());
    }
}
