using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>Organizer actions land in the audit log through one middleware; reads, staff and bodies do not.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private PrivacyWorld _world = null!;

    public async Task InitializeAsync() => _world = await new PrivacyWorld().FillAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<HttpClient> ClientAsync(string personId)
    {
        var client = _world.Factory.CreateClient();
        await client.SignInAsync(personId);
        return client;
    }

    private async Task<List<JsonElement>> AuditAsync()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        return [.. (await client.GetFromJsonAsync<JsonElement>("/api/privacy/audit")).EnumerateArray()];
    }

    [Fact]
    public async Task ClosingAPollFromTheBotCardIsRecordedLikeClosingItInTheTab()
    {
        var client = _world.Factory.CreateClient();
        var close = new Leitbild.Teams.Bot.Schema.Activity
        {
            Type = "invoke",
            Id = Guid.NewGuid().ToString(),
            ChannelId = "msteams",
            ServiceUrl = "http://127.0.0.1:1/",
            Name = "adaptiveCard/action",
            Locale = "de-DE",
            From = new Leitbild.Teams.Bot.Schema.ChannelAccount { Id = "29:organizer", AadObjectId = DevSignIn.Organizer },
            Recipient = new Leitbild.Teams.Bot.Schema.ChannelAccount { Id = "28:bot" },
            Conversation = new Leitbild.Teams.Bot.Schema.ConversationAccount { Id = "a:organizer", ConversationType = "personal", TenantId = PrivacyWorld.Tenant },
            ReplyToId = "card-1",
            Value = JsonSerializer.SerializeToElement(new
            {
                action = new { type = "Action.Execute", verb = "poll.close", data = new { verb = "poll.close", pollId = _world.NamedPoll.Id } },
                trigger = "manual",
            }),
        };
        var response = await client.PostAsJsonAsync("/api/messages", close, Leitbild.Teams.Bot.Schema.BotJson.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await AuditAsync(), e => e.GetProperty("action").GetString() == "BOT poll.close");
        Assert.Equal(DevSignIn.Organizer, entry.GetProperty("actorId").GetString());
        Assert.Equal(_world.NamedPoll.Id, entry.GetProperty("target").GetProperty("pollId").GetString());
    }

    [Fact]
    public async Task ClosingAPollExportingItsAnswersAndHidingACommentAreRecordedWithWhoWhatAndWhen()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        (await client.PostAsync($"/api/polls/{_world.NamedPoll.Id}/close", null)).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/results/export.csv?poll={_world.NamedPoll.Id}")).EnsureSuccessStatusCode();
        await client.PostAsJsonAsync($"/api/polls/{_world.NamedPoll.Id}/comments/c-unknown/moderation", new { hidden = true, reason = "Beleidigung von Frau X" });

        var entries = await AuditAsync();
        Assert.Equal(3, entries.Count);
        var close = entries.Single(e => e.GetProperty("action").GetString() == "POST /api/polls/{pollId}/close");
        Assert.Equal(DevSignIn.Organizer, close.GetProperty("actorId").GetString());
        Assert.Equal(_world.NamedPoll.Id, close.GetProperty("target").GetProperty("pollId").GetString());
        Assert.Equal(200, close.GetProperty("status").GetInt32());
        Assert.True(DateTimeOffset.UtcNow - close.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        var export = entries.Single(e => e.GetProperty("action").GetString() == "GET /api/results/export.csv");
        Assert.Equal(_world.NamedPoll.Id, export.GetProperty("target").GetProperty("?poll").GetString());
        var hide = entries.Single(e => e.GetProperty("action").GetString()!.EndsWith("/moderation", StringComparison.Ordinal));
        Assert.Equal("c-unknown", hide.GetProperty("target").GetProperty("commentId").GetString());
        // The reason is part of the body, and a body may name people: it is never kept.
        Assert.DoesNotContain("Frau X", hide.GetRawText());
    }

    [Fact]
    public async Task AnErasureRequestIsRecordedAndAReadIsNot()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        await client.GetAsync("/api/polls");
        await client.GetAsync($"/api/polls/{_world.NamedPoll.Id}/results");
        (await client.DeleteAsync($"/api/privacy/people/{PrivacyWorld.Person}")).EnsureSuccessStatusCode();

        var entry = Assert.Single(await AuditAsync());
        Assert.Equal("DELETE /api/privacy/people/{personId}", entry.GetProperty("action").GetString());
        Assert.Equal(PrivacyWorld.Person, entry.GetProperty("target").GetProperty("personId").GetString());
    }

    [Fact]
    public async Task AStaffMembersRefusedAttemptAtAnOrganizerRouteLeavesNoEntry()
    {
        var staff = await ClientAsync(PrivacyWorld.Person);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/polls/{_world.NamedPoll.Id}/close", null)).StatusCode);

        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task AGuestOrganizersActionIsRecordedAsAGuest()
    {
        var guest = await ClientAsync(DevSignIn.GuestOrganizer);
        await guest.PostAsync($"/api/polls/{_world.AnonymousPoll.Id}/close", null);

        var entry = Assert.Single(await AuditAsync());
        Assert.True(entry.GetProperty("actorIsGuest").GetBoolean());
        Assert.Equal("Moderation Erfundenhaus (extern)", entry.GetProperty("actorName").GetString());
        // The log names organizers by object id: the planning team reads it, external moderators do not.
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync("/api/privacy/audit")).StatusCode);
    }

    [Fact]
    public async Task TheAuditLogPagesBackwardsAndRefusesAnUnreasonableLimit()
    {
        var client = await ClientAsync(DevSignIn.Organizer);
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync($"/api/polls/unknown-{i}/close", null);
        }
        var page = (await client.GetFromJsonAsync<JsonElement>("/api/privacy/audit?limit=2")).EnumerateArray().ToList();
        Assert.Equal(2, page.Count);
        var rest = (await client.GetFromJsonAsync<JsonElement>($"/api/privacy/audit?limit=2&before={page[^1].GetProperty("id").GetInt64()}")).EnumerateArray().ToList();
        Assert.Equal("unknown-0", Assert.Single(rest).GetProperty("target").GetProperty("pollId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/privacy/audit?limit=100000")).StatusCode);
    }
}
