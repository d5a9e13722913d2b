using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Polls;

/// <summary>Local mode before anyone opened the bot: sending a poll is refused with a reason, and the poll stays a draft.</summary>
public sealed class PollSendWithoutAnyoneTests
{
    [Fact]
    public async Task SendingBeforeAnyoneOpenedTheBotIsAConflictAndThePollStaysADraft()
    {
        await using var app = new LocalAppFactory();
        var client = app.CreateClient();
        await client.SignInAsync(DevSignIn.Organizer);
        var created = await client.PostAsJsonAsync("/api/polls", new
        {
            phaseId = "workshop-1",
            title = new { de = "Klima", en = "Climate" },
            questions = new object[] { new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig?", en = "How important?" }, goalIds = new[] { "klima-1" } } },
            settings = new { anonymous = false, visibility = "afterClose" },
            audience = new { kind = "department", unitId = "sta-61" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pollId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var sent = await client.PostAsync($"/api/polls/{pollId}/send", null);

        Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);
        Assert.Contains("Noch niemand hat die App installiert.", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var poll = await client.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        Assert.Equal("draft", poll.GetProperty("status").GetString());
    }
}
