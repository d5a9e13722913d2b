using System.Net;
using System.Text.Json;
using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Microsoft365;

/// <summary>
/// The real app in Microsoft 365 mode against the world of <see cref="Microsoft365World"/>: only its settings point
/// it there; nothing of the app is replaced.
/// </summary>
[Collection(Microsoft365WorldCollection.Name)]
public sealed class Microsoft365EndToEndTests : IAsyncLifetime
{
    private Microsoft365World _world = null!;

    public async Task InitializeAsync() => _world = await Microsoft365World.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AnOrganizerByEntraRoleAloneMayStartAPollFromTheBotAndSomeoneWithoutTheRoleMayNot()
    {
        _world.AddStaff(1, 10, "Planungsamt");
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        // Neither person is in the template's organisation file; only Entra knows them.
        var template = await app.Services.GetRequiredService<Process.SeededDirectory>().GetOrganisationAsync(CancellationToken.None);
        Assert.DoesNotContain(template.People, p => p.Id.StartsWith("e0000000-", StringComparison.Ordinal));

        var organizer = Microsoft365World.PersonId(1);
        var staff = Microsoft365World.PersonId(2);
        Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, _world.PersonalActivity(organizer, "message") with { Text = "umfrage" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, _world.PersonalActivity(staff, "message") with { Text = "umfrage" })).StatusCode);

        await WaitUntilAsync(() => _world.CardsSentTo("a:" + organizer).Count > 0);
        var refusal = Texts.Get("poll.create.onlyOrganizers", "de");
        await WaitUntilAsync(() => BodiesTo("a:" + staff).Any(b => b.Contains(JsonEncodedText.Encode(refusal).ToString(), StringComparison.Ordinal)));
        Assert.Empty(_world.CardsSentTo("a:" + staff));
        // The replies went out with an app token from the tenant's authority.
        Assert.Contains("https://api.botframework.com/.default", _world.Entra.TokenRequests);
    }

    [Fact]
    public async Task SixtyStaffFromEntraAPollToTheirOfficeReachesThoseWithoutTheAppAndFiveAnswersReachSharePointAndTheReviewer()
    {
        var planning = await FirstMappedOfficeAsync();
        _world.AddStaff(1, 57, planning.Entra!.Departments[0]);
        _world.AddStaff(58, 60, "Abteilung, die das Template nicht kennt");
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        _world.Directory.AssignRole(Microsoft365World.PersonId(2), "User", EntraAppRoles.Reviewer);
        // Seven have the app already (the install answers 409); one has no Teams licence.
        foreach (var i in Enumerable.Range(50, 7))
        {
            _world.TeamsApps.Install(Microsoft365World.PersonId(i));
        }
        _world.TeamsApps.WithoutTeams.Add(Microsoft365World.PersonId(57));
        // Graph throttles or fails 30 % of all calls from the first sync to the last SharePoint write.
        _world.Graph.Faults.Seed(12);
        _world.Graph.Faults.FailureRate = 0.3;

        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        using (var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")))
        {
            var directory = health.RootElement.GetProperty("directory");
            Assert.Equal((60, 3, true), (directory.GetProperty("people").GetInt32(), directory.GetProperty("unplaced").GetInt32(), directory.GetProperty("ok").GetBoolean()));
        }
        var organizer = _world.Entra.UserToken(Microsoft365World.PersonId(1), "Mitarbeitende 1", EntraAppRoles.Organizer);
        var reviewer = _world.Entra.UserToken(Microsoft365World.PersonId(2), "Mitarbeitende 2", EntraAppRoles.Reviewer);
        using (var overview = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, "/api/directory", organizer)).Content.ReadAsStringAsync()))
        {
            Assert.Equal("entra", overview.RootElement.GetProperty("source").GetString());
            Assert.Equal(
                ["Mitarbeitende 58", "Mitarbeitende 59", "Mitarbeitende 60"],
                overview.RootElement.GetProperty("unplaced").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()!).Order());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await Microsoft365World.TabAsync(client, HttpMethod.Get, "/api/directory", reviewer)).StatusCode);

        var created = await Microsoft365World.TabAsync(client, HttpMethod.Post, "/api/polls", organizer, new
        {
            phaseId = "workshop-1",
            title = new { de = "Zieldiskussion Planungsamt", en = "Goal discussion planning office" },
            questions = new object[]
            {
                new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig ist Ihnen dieses Ziel?", en = "How important is this goal to you?" }, goalIds = Goals },
            },
            settings = new { anonymous = false, visibility = "live" },
            audience = new { kind = "department", unitId = planning.Id },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pollId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Microsoft365World.TabAsync(client, HttpMethod.Post, $"/api/polls/{pollId}/send", organizer)).StatusCode);

        JsonElement report = default;
        await WaitUntilAsync(async () =>
        {
            report = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, $"/api/polls/{pollId}/report", organizer)).Content.ReadAsStringAsync()).RootElement.Clone();
            return report.GetProperty("finished").GetBoolean();
        });
        Assert.Equal((57, 56, 1, 0), (report.GetProperty("total").GetInt32(), report.GetProperty("delivered").GetInt32(),
            report.GetProperty("unreachable").GetInt32(), report.GetProperty("failed").GetInt32()));
        var notReached = Assert.Single(report.GetProperty("notReached").EnumerateArray());
        Assert.Equal(("Mitarbeitende 57", "noTeams"), (notReached.GetProperty("displayName").GetString(), notReached.GetProperty("reason").GetString()));
        // Everyone was installed at most once and got exactly one card.
        Assert.All(_world.TeamsApps.InstallRequests.Where(r => r.Status == 201).GroupBy(r => r.UserId), g => Assert.Single(g));
        Assert.Equal(49, _world.TeamsApps.InstallRequests.Where(r => r.Status == 201).Select(r => r.UserId).Distinct().Count());
        Assert.All(Enumerable.Range(1, 56), i => Assert.Single(_world.CardsSentTo("a:29:" + Microsoft365World.PersonId(i)).Concat(_world.CardsSentTo("a:" + Microsoft365World.PersonId(i)))));
        Assert.True(_world.Graph.Faults.InjectedCount > 10, $"only {_world.Graph.Faults.InjectedCount} faults injected");

        foreach (var i in Enumerable.Range(3, 5))
        {
            var answer = _world.PollAnswer(i, pollId, Goals.ToDictionary(g => "q1." + g, g => (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var invoked = await _world.FromTeamsAsync(client, answer);
            Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        }

        await WaitUntilAsync(() => _world.Lists.Items(Leitbild.Teams.Graph.SharePoint.ResultsLists.AnswersTitle).Count >= 5);
        using var results = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, $"/api/polls/{pollId}/results", reviewer)).Content.ReadAsStringAsync());
        Assert.Equal(5, results.RootElement.GetProperty("respondentCount").GetInt32());

        // The list reads like a report: names beside the codes, from the app's own catalogue, organisation, poll and directory.
        var item = _world.Lists.Items(Leitbild.Teams.Graph.SharePoint.ResultsLists.AnswersTitle).First(i => i.Text("GoalId") == "klima-1");
        Assert.Equal("Zieldiskussion Planungsamt", item.Text("PollTitle"));
        Assert.Equal("Wie wichtig ist Ihnen dieses Ziel?", item.Text("QuestionText"));
        Assert.Equal(item.Text("GoalText"), item.Text("Title"));
        Assert.False(string.IsNullOrEmpty(item.Text("GoalText")));
        Assert.False(string.IsNullOrEmpty(item.Text("FieldOfActionName")));
        Assert.StartsWith(planning.Code, item.Text("OfficeName"), StringComparison.Ordinal);
        Assert.StartsWith("Mitarbeitende ", item.Text("PersonName"), StringComparison.Ordinal);
        Assert.DoesNotContain(item.Text("RespondentKey")!, item.Text("Title")!, StringComparison.Ordinal);

        // The tab links straight to the lists (each opens its default view): the office report for reviewers, the raw list for organizers only.
        var officeList = $"https://{Leitbild.Teams.GraphSimulator.Lists.ListsSimulator.HostName}{Leitbild.Teams.GraphSimulator.Lists.ListsSimulator.SitePath}/Lists/{Uri.EscapeDataString(Leitbild.Teams.Graph.SharePoint.ResultsLists.OfficeSummariesTitle)}";
        var answersList = $"https://{Leitbild.Teams.GraphSimulator.Lists.ListsSimulator.HostName}{Leitbild.Teams.GraphSimulator.Lists.ListsSimulator.SitePath}/Lists/{Uri.EscapeDataString(Leitbild.Teams.Graph.SharePoint.ResultsLists.AnswersTitle)}";
        using var forReviewer = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, "/api/results/overview", reviewer)).Content.ReadAsStringAsync());
        using var forOrganizer = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, "/api/results/overview", organizer)).Content.ReadAsStringAsync());
        Assert.Equal(officeList, forReviewer.RootElement.GetProperty("sharePointUrl").GetString());
        Assert.False(forReviewer.RootElement.TryGetProperty("sharePointAnswersUrl", out _));
        Assert.Equal(answersList, forOrganizer.RootElement.GetProperty("sharePointAnswersUrl").GetString());
    }

    [Fact]
    public async Task APollToAllStaffReachesEveryMemberOfTheTenantButNoGuest()
    {
        _world.AddStaff(1, 8, "Kämmerei");
        _world.Directory.AddUser(new GraphSimulator.Directory.SimulatedUser
        {
            Id = Microsoft365World.PersonId(9), DisplayName = "Moderatorin Extern", Mail = "ext@partner.example",
            UserPrincipalName = "ext_partner.example#EXT#@bergkamen.example", UserType = "Guest",
        });
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        var organizer = _world.Entra.UserToken(Microsoft365World.PersonId(1), "Mitarbeitende 1", EntraAppRoles.Organizer);

        var created = await Microsoft365World.TabAsync(client, HttpMethod.Post, "/api/polls", organizer, new
        {
            phaseId = "workshop-1",
            title = new { de = "Alle fragen", en = "Ask everyone" },
            questions = new object[] { new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig?", en = "How important?" }, goalIds = Goals } },
            settings = new { anonymous = true, visibility = "afterClose" },
            audience = new { kind = "everyone" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pollId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Microsoft365World.TabAsync(client, HttpMethod.Post, $"/api/polls/{pollId}/send", organizer)).StatusCode);

        await WaitUntilAsync(async () => JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, $"/api/polls/{pollId}/report", organizer))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("finished").GetBoolean());
        Assert.All(Enumerable.Range(1, 8), i => Assert.Single(_world.CardsSentTo("a:" + Microsoft365World.PersonId(i))));
        Assert.Empty(_world.CardsSentTo("a:" + Microsoft365World.PersonId(9)));
        Assert.False(_world.TeamsApps.IsInstalled(Microsoft365World.PersonId(9)));
    }

    [Fact]
    public async Task APollToAnEntraGroupAsksItsMembersNestedGroupsIncludedAndAnUnknownGroupIsRefused()
    {
        _world.AddStaff(1, 10, "Kämmerei");
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        const string Steering = "aaaaaaaa-0000-0000-0000-000000000001";
        const string Nested = "aaaaaaaa-0000-0000-0000-000000000002";
        _world.Directory.AddGroup(Nested, [Microsoft365World.PersonId(5), Microsoft365World.PersonId(6)]);
        _world.Directory.AddGroup(Steering, [Microsoft365World.PersonId(2), Microsoft365World.PersonId(3)], [Nested]);
        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        var organizer = _world.Entra.UserToken(Microsoft365World.PersonId(1), "Mitarbeitende 1", EntraAppRoles.Organizer);
        object Draft(string groupId) => new
        {
            phaseId = "workshop-1",
            title = new { de = "Lenkungskreis", en = "Steering group" },
            questions = new object[] { new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig?", en = "How important?" }, goalIds = Goals } },
            settings = new { anonymous = false, visibility = "afterClose" },
            audience = new { kind = "entraGroup", groupId },
        };

        var unknown = await Microsoft365World.TabAsync(client, HttpMethod.Post, "/api/polls", organizer, Draft("aaaaaaaa-0000-0000-0000-00000000ffff"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Diese Gruppe gibt es in Entra ID nicht.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await Microsoft365World.TabAsync(client, HttpMethod.Post, "/api/polls", organizer, Draft(Steering));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var poll = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, poll.GetProperty("audience").GetProperty("personCount").GetInt32());
        var pollId = poll.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Microsoft365World.TabAsync(client, HttpMethod.Post, $"/api/polls/{pollId}/send", organizer)).StatusCode);

        await WaitUntilAsync(async () => JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, $"/api/polls/{pollId}/report", organizer))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("finished").GetBoolean());
        Assert.All(new[] { 2, 3, 5, 6 }, i => Assert.Single(_world.CardsSentTo("a:" + Microsoft365World.PersonId(i))));
        Assert.All(new[] { 1, 4, 7 }, i => Assert.Empty(_world.CardsSentTo("a:" + Microsoft365World.PersonId(i))));
    }

    [Fact]
    public async Task AnInterviewCampaignProposesTimesFromTheMailboxesAndABookingCreatesTheEventInTheInterviewersMailbox()
    {
        var planning = await FirstMappedOfficeAsync();
        _world.AddStaff(1, 5, planning.Entra!.Departments[0]);
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        foreach (var i in Enumerable.Range(1, 5))
        {
            // The interviewer works afternoons only; Exchange says so through getSchedule, the template knows nothing of it.
            _world.Calendars.AddMailbox(new GraphSimulator.Calendars.SimulatedMailbox
            {
                Email = $"m{i}@bergkamen.example", DisplayName = $"Mitarbeitende {i}", WorkingStart = i == 3 ? new TimeOnly(13, 0) : new TimeOnly(8, 0),
            });
        }
        _world.Graph.Faults.Seed(5);
        _world.Graph.Faults.FailureRate = 0.3;
        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        var organizer = _world.Entra.UserToken(Microsoft365World.PersonId(1), "Mitarbeitende 1", EntraAppRoles.Organizer);
        var interviewee = Microsoft365World.PersonId(4);

        var started = await Microsoft365World.TabAsync(client, HttpMethod.Post, "/api/scheduling/campaigns", organizer, new
        {
            title = "Leitbild-Interviews Planungsamt",
            interviewerIds = new[] { Microsoft365World.PersonId(3) },
            interviewees = new[] { interviewee },
            durationMinutes = 60,
            windowStart = BerlinMidnight(7),
            windowEnd = BerlinMidnight(21),
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var proposals = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("interviews")[0].GetProperty("proposals");
        Assert.NotEqual(0, proposals.GetArrayLength());
        Assert.All(proposals.EnumerateArray(), p => Assert.True(TimeZoneInfo.ConvertTime(p.GetProperty("start").GetDateTimeOffset(), berlin).Hour >= 13));

        // The proposal reaches the interviewee, who never opened the app, through the proactive install.
        await WaitUntilAsync(() => _world.CardsSentTo("a:" + interviewee).Count > 0);
        Assert.True(_world.TeamsApps.IsInstalled(interviewee));
        var book = Find(_world.CardsSentTo("a:" + interviewee)[0], "interview.book").First();
        var data = book.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var press = _world.PersonalActivity(interviewee, "invoke") with
        {
            Name = "adaptiveCard/action",
            ReplyToId = "proposal-1",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "interview.book", data }, trigger = "manual" }),
        };
        Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, press)).StatusCode);

        await WaitUntilAsync(() => _world.Calendars.Events.Any(e => e.Subject.Contains("Leitbild-Interviews Planungsamt", StringComparison.Ordinal)));
        var created = _world.Calendars.Events.Single(e => e.Subject.Contains("Leitbild-Interviews Planungsamt", StringComparison.Ordinal));
        Assert.Contains(created.Attendees, a => a.Email == "m4@bergkamen.example");
        Assert.Equal("m3@bergkamen.example", created.Organizer, ignoreCase: true);
        Assert.NotEmpty(_world.Calendars.ScheduleCalls);
    }

    private static string BerlinMidnight(int days)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime).AddDays(days).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, berlin.GetUtcOffset(local)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<JsonElement> Find(JsonElement element, string verb)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("verb", out var v) && v.GetString() == verb
            && element.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute")
        {
            yield return element;
        }
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var found in children.SelectMany(c => Find(c, verb)))
        {
            yield return found;
        }
    }

    internal static readonly string[] Goals = ["klima-1", "wohnen-1", "mobilitaet-1"];

    internal static async Task<Office> FirstMappedOfficeAsync()
    {
        await using var probe = new Fixtures.LocalAppFactory();
        var organisation = await probe.Services.GetRequiredService<Process.SeededDirectory>().GetOrganisationAsync(CancellationToken.None);
        return organisation.Divisions.SelectMany(d => d.Offices).First(o => o.Entra is { Departments.Count: > 0 });
    }

    private IEnumerable<string> BodiesTo(string conversationId) =>
        _world.Connector.Calls.Where(c => c.ConversationId == conversationId && c.Body is not null).Select(c => c.Body!);

    internal static async Task WaitForSyncAsync(HttpClient client)
    {
        await WaitUntilAsync(async () =>
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
            // Before the first sync has finished, health may carry no directory figures yet.
            return health.RootElement.TryGetProperty("directory", out var directory)
                && directory.TryGetProperty("lastSync", out var lastSync) && lastSync.ValueKind == JsonValueKind.String;
        });
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not become true within 60 s.");
    }
}
