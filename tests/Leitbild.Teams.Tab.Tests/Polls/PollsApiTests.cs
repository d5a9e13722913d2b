using System.Net;
using System.Text.Json;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Tab.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Tab.Tests.Polls;

/// <summary>/api/polls in local mode: who may do what, validation in German and English, sending, closing, moderation, "mine".</summary>
public sealed class PollsApiTests(PollsApiApp app) : IClassFixture<PollsApiApp>
{
    private const string Tenant = "local";
    private readonly HttpClient _client = app.Client;

    private Task<string> TokenAsync(string personId) => _client.DevSignInAsync(personId);

    private async Task<string> CreateAsync(object? draft = null, string personId = SeededPeople.Organizer)
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls", await TokenAsync(personId), draft ?? PollDrafts.Rating());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<string> CreateAndSendAsync(object? draft = null)
    {
        var id = await CreateAsync(draft);
        var sent = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/send", await TokenAsync(SeededPeople.Organizer));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return id;
    }

    /// <summary>Enough people for results to be shown (the minimum group size).</summary>
    private static object FivePeople => PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff, SeededPeople.Reviewer, SeededPeople.OtherStaff, SeededPeople.ThirdStaff, SeededPeople.FourthStaff));

    private Task<AnswerOutcome> AnswerAsync(string pollId, string personId, Dictionary<string, string?> inputs) =>
        app.Factory.Services.GetRequiredService<PollService>().AnswerAsync(
            pollId, ["q1", "q2"], inputs, personId, Tenant, null, AnswerChannel.Chat, CancellationToken.None);

    private async Task<int> PollCountAsync() =>
        (await (await _client.SendAsync(HttpMethod.Get, "/api/polls", await TokenAsync(SeededPeople.Organizer))).JsonAsync()).GetArrayLength();

    [Fact]
    public async Task AnEntraGroupIsRefusedInLocalModeAndNothingIsStored()
    {
        var before = await PollCountAsync();
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls", await TokenAsync(SeededPeople.Organizer),
            PollDrafts.Rating(new { kind = "entraGroup", groupId = "aaaaaaaa-0000-0000-0000-000000000001" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Entra-Gruppen gibt es nur im Microsoft-365-Modus.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await PollCountAsync());
    }

    [Theory]
    [InlineData(SeededPeople.Organizer, HttpStatusCode.Created)]
    [InlineData(SeededPeople.GuestOrganizer, HttpStatusCode.Created)]
    [InlineData(SeededPeople.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData(SeededPeople.Staff, HttpStatusCode.Forbidden)]
    public async Task OnlyOrganizersCreatePolls(string personId, HttpStatusCode expected)
    {
        var draft = personId == SeededPeople.GuestOrganizer ? PollDrafts.Rating(new { kind = "department", unitId = "sta-61" }) : PollDrafts.Rating();
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls", await TokenAsync(personId), draft);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("send")]
    [InlineData("remind")]
    [InlineData("close")]
    public async Task AReviewerCannotSendRemindOrClose(string action)
    {
        var id = await CreateAndSendAsync();
        var before = app.Delivery.Calls.Count(c => c.PollId == id);
        var response = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/{action}", await TokenAsync(SeededPeople.Reviewer));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, app.Delivery.Calls.Count(c => c.PollId == id));
    }

    [Fact]
    public async Task AReviewerCannotModerateOrPreview()
    {
        var id = await CreateAndSendAsync();
        var token = await TokenAsync(SeededPeople.Reviewer);
        var moderate = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/comments/abc/moderation", token, new { hidden = true, reason = "x" });
        var preview = await _client.SendAsync(HttpMethod.Post, "/api/polls/preview", token, PollDrafts.Rating());
        var report = await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/report", token);
        Assert.Equal(HttpStatusCode.Forbidden, moderate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
    }

    [Fact]
    public async Task StaffSeeNeitherPollsNorResults()
    {
        var id = await CreateAndSendAsync();
        var token = await TokenAsync(SeededPeople.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, "/api/polls", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/api/polls/mine", token)).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/polls")]
    [InlineData("GET", "/api/polls/mine")]
    [InlineData("POST", "/api/polls")]
    [InlineData("GET", "/api/polls/p1/results")]
    public async Task WithoutATokenThePollsApiAnswers401(string method, string url)
    {
        var response = await _client.SendAsync(new HttpMethod(method), url, token: null, method == "POST" ? PollDrafts.Rating() : null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ABrokenDraftIsRefusedWithEveryProblemInGermanAndNothingIsStored()
    {
        var before = await PollCountAsync();
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls", await TokenAsync(SeededPeople.Organizer), PollDrafts.Broken());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("darf nicht leer sein", errors.GetProperty("title.de")[0].GetString());
        Assert.Equal("Baustein 'workshop-9' gibt es nicht", errors.GetProperty("phaseId")[0].GetString());
        Assert.Equal("Ziel 'erfunden-7' gibt es nicht im Zielkatalog", errors.GetProperty("questions[0].goalIds")[0].GetString());
        Assert.Equal(before, await PollCountAsync());
    }

    [Fact]
    public async Task ABrokenDraftIsExplainedInEnglishWhenAskedFor()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls", await TokenAsync(SeededPeople.Organizer), PollDrafts.Broken(), language: "en-GB");
        var body = await response.JsonAsync();
        Assert.Equal("The poll is not valid as it is.", body.GetProperty("title").GetString());
        Assert.Equal("phase 'workshop-9' does not exist", body.GetProperty("errors").GetProperty("phaseId")[0].GetString());
    }

    [Fact]
    public async Task AMisspelledFieldIsNamedInsteadOfIgnored()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls", await TokenAsync(SeededPeople.Organizer),
            new { phaseId = "workshop-1", titel = new { de = "x", en = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("titel", errors.EnumerateObject().Single().Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPersonOrOfficeInTheAudienceIsRefusedAlongsideCoreProblems()
    {
        var token = await TokenAsync(SeededPeople.Organizer);
        var people = await _client.SendAsync(HttpMethod.Post, "/api/polls", token, PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff, Guid.NewGuid().ToString())));
        var office = await _client.SendAsync(HttpMethod.Post, "/api/polls", token, PollDrafts.Rating(new { kind = "department", unitId = "sta-999" }, deadline: "2020-01-01T12:00:00+01:00"));
        Assert.Equal("1 Person(en) gibt es nicht im Verzeichnis", (await people.JsonAsync()).GetProperty("errors").GetProperty("audience.personIds")[0].GetString());
        var officeErrors = (await office.JsonAsync()).GetProperty("errors");
        Assert.Equal("Dezernat oder Amt 'sta-999' gibt es nicht", officeErrors.GetProperty("audience.unitId")[0].GetString());
        Assert.Equal("Die Frist liegt in der Vergangenheit.", officeErrors.GetProperty("settings.deadline")[0].GetString());
    }

    [Fact]
    public async Task ADeadlineEnteredInBerlinTimeIsKeptWithItsOffset()
    {
        var id = await CreateAsync(PollDrafts.Rating(deadline: "2099-07-01T17:30:00+02:00"));
        var poll = await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}", await TokenAsync(SeededPeople.Organizer))).JsonAsync();
        var deadline = DateTimeOffset.Parse(poll.GetProperty("settings").GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2099, 7, 1, 15, 30, 0, TimeSpan.Zero), deadline.ToUniversalTime());
    }

    [Fact]
    public async Task SendingCallsTheDeliveryAndClosingTwiceIsAConflict()
    {
        var id = await CreateAsync();
        var token = await TokenAsync(SeededPeople.Organizer);
        var sent = await (await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/send", token)).JsonAsync();
        Assert.Equal(3, sent.GetProperty("total").GetInt32());
        Assert.Contains(("send", id), app.Delivery.Calls);
        Assert.Equal("open", (await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}", token)).JsonAsync()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/remind", token)).StatusCode);
        Assert.Contains(("remind", id), app.Delivery.Calls);
        var closed = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/close", token);
        Assert.Equal("closed", (await closed.JsonAsync()).GetProperty("status").GetString());
        var again = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/close", token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Die Umfrage ist nicht offen.", (await again.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/send", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/remind", token)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownPollIs404()
    {
        var token = await TokenAsync(SeededPeople.Organizer);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, "/api/polls/nope", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Post, "/api/polls/nope/send", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, "/api/polls/nope/results", token)).StatusCode);
    }

    [Fact]
    public async Task ThePreviewIsTheDeliverysCardAndStoresNothing()
    {
        var before = await PollCountAsync();
        var response = await _client.SendAsync(HttpMethod.Post, "/api/polls/preview", await TokenAsync(SeededPeople.Organizer), PollDrafts.Rating());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await response.JsonAsync();
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains(("preview", "preview"), app.Delivery.Calls);
        Assert.Equal(before, await PollCountAsync());

        var broken = await _client.SendAsync(HttpMethod.Post, "/api/polls/preview", await TokenAsync(SeededPeople.Organizer), PollDrafts.Broken());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task ResultsCountMeanAndDistributionPerGoal()
    {
        var id = await CreateAndSendAsync(FivePeople);
        Assert.True((await AnswerAsync(id, SeededPeople.Staff, new() { ["q1.klima-1"] = "4", ["q1.wohnen-1"] = "2", ["q1.mobilitaet-1"] = "na" })).Accepted);
        Assert.True((await AnswerAsync(id, SeededPeople.Reviewer, new() { ["q1.klima-1"] = "5", ["q1.mobilitaet-1"] = "na" })).Accepted);
        // Results are shown from the minimum group size (five people) on.
        foreach (var other in new[] { SeededPeople.OtherStaff, SeededPeople.ThirdStaff, SeededPeople.FourthStaff })
        {
            Assert.True((await AnswerAsync(id, other, new() { ["q1.klima-1"] = "3", ["q1.mobilitaet-1"] = "na" })).Accepted);
        }
        var results = await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", await TokenAsync(SeededPeople.Reviewer))).JsonAsync();
        Assert.Equal(5, results.GetProperty("respondentCount").GetInt32());
        var klima = results.GetProperty("questions")[0].GetProperty("goals")[0];
        Assert.Equal("klima-1", klima.GetProperty("goalId").GetString());
        Assert.Equal("Bergkamen wird bis 2045 klimaneutral.", klima.GetProperty("goalText").GetString());
        Assert.Equal(5, klima.GetProperty("answerCount").GetInt32());
        Assert.Equal(3.6, klima.GetProperty("meanRating").GetDouble());
        Assert.Equal([0, 0, 3, 1, 1], klima.GetProperty("distribution").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(5, results.GetProperty("questions")[0].GetProperty("goals")[2].GetProperty("noAnswerCount").GetInt32());
        // wohnen-1 was rated by one person only: nothing of it is shown.
        var wohnen = results.GetProperty("questions")[0].GetProperty("goals")[1];
        Assert.True(wohnen.GetProperty("tooFewRespondents").GetBoolean());
        Assert.Equal(0, wohnen.GetProperty("ratingCount").GetInt32());
    }

    [Fact]
    public async Task AHiddenCommentKeepsItsReasonForOrganizersAndIsGoneForReviewers()
    {
        var id = await CreateAndSendAsync(FivePeople);
        await AnswerAsync(id, SeededPeople.Staff, new() { ["q2"] = "Mehr Radwege bitte." });
        foreach (var other in new[] { SeededPeople.Reviewer, SeededPeople.OtherStaff, SeededPeople.ThirdStaff, SeededPeople.FourthStaff })
        {
            await AnswerAsync(id, other, new() { ["q2"] = "Sachlich" });
        }
        var organizer = await TokenAsync(SeededPeople.Organizer);
        var reviewer = await TokenAsync(SeededPeople.Reviewer);
        var comment = (await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", organizer)).JsonAsync())
            .GetProperty("questions")[1].GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("text").GetString() == "Mehr Radwege bitte.");
        var commentId = comment.GetProperty("id").GetString();

        var noReason = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/comments/{commentId}/moderation", organizer, new { hidden = true, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Bitte einen Grund angeben.", (await noReason.JsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        var unknown = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/comments/0000/moderation", organizer, new { hidden = true, reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var hidden = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/comments/{commentId}/moderation", organizer, new { hidden = true, reason = "Nennt eine Person" });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var forOrganizer = (await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", organizer)).JsonAsync()).GetProperty("questions")[1].GetProperty("comments")
            .EnumerateArray().Single(c => c.GetProperty("hidden").GetBoolean());
        Assert.True(forOrganizer.GetProperty("hidden").GetBoolean());
        Assert.Equal("Nennt eine Person", forOrganizer.GetProperty("hiddenReason").GetString());
        var forReviewer = (await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", reviewer)).JsonAsync()).GetProperty("questions")[1].GetProperty("comments");
        Assert.Equal(4, forReviewer.GetArrayLength());
        Assert.DoesNotContain(forReviewer.EnumerateArray(), c => c.GetProperty("text").GetString() == "Mehr Radwege bitte.");

        var shown = await _client.SendAsync(HttpMethod.Post, $"/api/polls/{id}/comments/{commentId}/moderation", organizer, new { hidden = false });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var again = (await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", reviewer)).JsonAsync()).GetProperty("questions")[1].GetProperty("comments");
        Assert.Contains(again.EnumerateArray(), c => c.GetProperty("text").GetString() == "Mehr Radwege bitte.");
    }

    [Fact]
    public async Task ACommentHiddenUnderTheOldUnkeyedIdStaysHiddenAfterTheUpgradeAndTheNewIdIsNotThePlainHash()
    {
        var id = await CreateAndSendAsync(FivePeople);
        var outcome = await AnswerAsync(id, SeededPeople.Staff, new() { ["q2"] = "Der Kollege X ist schuld." });
        foreach (var other in new[] { SeededPeople.Reviewer, SeededPeople.OtherStaff, SeededPeople.ThirdStaff, SeededPeople.FourthStaff })
        {
            await AnswerAsync(id, other, new() { ["q2"] = "Sachlich" });
        }
        var answerKey = outcome.MyAnswers.Single(a => a.QuestionId == "q2").Key;
        var legacyId = Leitbild.Teams.App.Polls.ModeratedCommentIdsUpgrade.LegacyId(answerKey);
        await using (var connection = await app.Factory.Services.GetRequiredService<Leitbild.Teams.App.Storage.SqliteDatabase>().OpenAsync(CancellationToken.None))
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO poll_comment_moderation(poll_id, comment_id, hidden, reason, moderated_by, moderated_at)
                VALUES ($poll, $comment, 1, 'Nennt eine Person', 'organizer', '2026-05-11T09:00:00.0000000Z')
                """;
            insert.Parameters.AddWithValue("$poll", id);
            insert.Parameters.AddWithValue("$comment", legacyId);
            await insert.ExecuteNonQueryAsync();
        }
        var organizer = await TokenAsync(SeededPeople.Organizer);
        var before = Blamed(await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", organizer)).JsonAsync());
        Assert.NotEqual(legacyId, before.GetProperty("id").GetString());
        Assert.False(before.GetProperty("hidden").GetBoolean());

        var upgrade = app.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Leitbild.Teams.App.Polls.ModeratedCommentIdsUpgrade>().Single();
        await upgrade.StartAsync(CancellationToken.None);

        var after = Blamed(await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", organizer)).JsonAsync());
        Assert.True(after.GetProperty("hidden").GetBoolean());
        Assert.Equal("Nennt eine Person", after.GetProperty("hiddenReason").GetString());
        var forReviewer = (await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}/results", await TokenAsync(SeededPeople.Reviewer))).JsonAsync()).GetProperty("questions")[1].GetProperty("comments");
        Assert.DoesNotContain(forReviewer.EnumerateArray(), c => c.GetProperty("text").GetString() == "Der Kollege X ist schuld.");
        Assert.Equal(4, forReviewer.GetArrayLength());
    }

    private static JsonElement Blamed(JsonElement results) =>
        results.GetProperty("questions")[1].GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("text").GetString() == "Der Kollege X ist schuld.");

    [Fact]
    public async Task AGuestOrganizerNeverGetsObjectIdsOrRespondentKeys()
    {
        var id = await CreateAndSendAsync(PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff, SeededPeople.Reviewer)));
        await AnswerAsync(id, SeededPeople.Staff, new() { ["q1.klima-1"] = "3", ["q2"] = "Gut so." });
        var guest = await TokenAsync(SeededPeople.GuestOrganizer);
        var texts = new List<string>();
        foreach (var url in new[] { $"/api/polls/{id}", $"/api/polls/{id}/results", "/api/polls", "/api/polls/audience-options", $"/api/polls/{id}/report" })
        {
            var response = await _client.SendAsync(HttpMethod.Get, url, guest);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            texts.Add(await response.Content.ReadAsStringAsync());
        }
        foreach (var text in texts)
        {
            Assert.DoesNotContain(SeededPeople.Staff, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SeededPeople.Reviewer, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SeededPeople.Organizer, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("respondentKey", text, StringComparison.OrdinalIgnoreCase);
        }
        var audience = JsonDocument.Parse(texts[0]).RootElement.GetProperty("audience");
        Assert.Equal(2, audience.GetProperty("personCount").GetInt32());
        Assert.False(JsonDocument.Parse(texts[3]).RootElement.TryGetProperty("people", out _));

        // A member organizer sees whom the poll asks.
        var member = await (await _client.SendAsync(HttpMethod.Get, $"/api/polls/{id}", await TokenAsync(SeededPeople.Organizer))).JsonAsync();
        Assert.Equal([SeededPeople.Staff, SeededPeople.Reviewer], member.GetProperty("audience").GetProperty("personIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task MineListsOpenPollsAddressedToMeUntilIAnswer()
    {
        var draft = await CreateAsync(PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff)));
        var forMe = await CreateAndSendAsync(PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff)));
        var notForMe = await CreateAndSendAsync(PollDrafts.Rating(PollDrafts.People(SeededPeople.Reviewer)));
        var token = await TokenAsync(SeededPeople.Staff);

        async Task<List<string>> MineAsync() =>
            [.. (await (await _client.SendAsync(HttpMethod.Get, "/api/polls/mine", token)).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

        var before = await MineAsync();
        Assert.Contains(forMe, before);
        Assert.DoesNotContain(notForMe, before);
        Assert.DoesNotContain(draft, before);

        Assert.True((await AnswerAsync(forMe, SeededPeople.Staff, new() { ["q1.klima-1"] = "4" })).Accepted);
        Assert.DoesNotContain(forMe, await MineAsync());
    }

    [Fact]
    public async Task MeinLeitbildAndTheProcessPageShowPolls()
    {
        var id = await CreateAndSendAsync(PollDrafts.Rating(PollDrafts.People(SeededPeople.Staff)));
        var staff = await TokenAsync(SeededPeople.Staff);
        var mine = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/mein-leitbild", staff)).JsonAsync();
        Assert.True(mine.GetProperty("openPolls").GetProperty("available").GetBoolean());
        Assert.Contains(id, mine.GetProperty("openPolls").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var timeline = await (await _client.SendAsync(HttpMethod.Get, "/api/tab/process", staff)).JsonAsync();
        var workshop = timeline.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "workshop-1");
        var polls = workshop.GetProperty("polls");
        Assert.True(polls.GetProperty("available").GetBoolean());
        Assert.Contains(polls.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("status").GetString() == "Offen");
    }
}
