using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leitbild.Teams.Core.Directory;
using Leitbild.Teams.Graph.SharePoint;
using Microsoft.Data.Sqlite;
using static Leitbild.Teams.App.Tests.Microsoft365.Microsoft365EndToEndTests;

namespace Leitbild.Teams.App.Tests.Microsoft365;

/// <summary>
/// The data protection officer's test: with the app's SQLite file and the SharePoint lists in hand, try every join
/// from an anonymous answer to a person - by identifier, by conversation, by office, by time, by the retry record,
/// by recomputing a comment id - and find none.
/// </summary>
[Collection(Microsoft365WorldCollection.Name)]
public sealed partial class AnonymityAgainstTheDatabaseTests : IAsyncLifetime
{
    private const int FirstRespondent = 3, LastRespondent = 8;
    private Microsoft365World _world = null!;

    public async Task InitializeAsync() => _world = await Microsoft365World.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task NoStoredValueJoinsAnAnonymousAnswerOrCommentToItsAuthor()
    {
        var planning = await FirstMappedOfficeAsync();
        _world.AddStaff(1, 8, planning.Entra!.Departments[0]);
        _world.Directory.AssignRole(Microsoft365World.PersonId(1), "User", EntraAppRoles.Organizer);
        foreach (var i in Enumerable.Range(1, 8))
        {
            _world.TeamsApps.Install(Microsoft365World.PersonId(i));
        }
        await using var app = _world.App();
        var client = app.CreateClient();
        await WaitForSyncAsync(client);
        var organizer = _world.Entra.UserToken(Microsoft365World.PersonId(1), "Mitarbeitende 1", EntraAppRoles.Organizer);
        var pollId = await CreateAndSendAsync(client, organizer, planning.Id);

        foreach (var i in Enumerable.Range(FirstRespondent, LastRespondent - FirstRespondent + 1))
        {
            var answer = AnswerActivity(i, pollId);
            Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, answer)).StatusCode);
            // Teams retries an invoke it got no answer to in time; the retry must leave no trace either.
            Assert.Equal(HttpStatusCode.OK, (await _world.FromTeamsAsync(client, answer)).StatusCode);
        }
        var expectedItems = (LastRespondent - FirstRespondent + 1) * (Goals.Length + 1);
        await WaitUntilAsync(() => _world.Lists.Items(ResultsLists.AnswersTitle).Count >= expectedItems);

        var people = Enumerable.Range(1, 8).Select(i => new[]
        {
            Microsoft365World.PersonId(i), $"Mitarbeitende {i}", $"m{i}@bergkamen.example",
        }).ToList();
        var comments = Enumerable.Range(FirstRespondent, LastRespondent - FirstRespondent + 1).Select(Comment).ToList();
        var database = ReadDatabase(app.DatabasePath);
        var sharePoint = _world.Lists.Items(ResultsLists.AnswersTitle)
            .Select(item => new Row("SharePoint " + ResultsLists.AnswersTitle, item.Fields.ToDictionary(f => f.Key, f => f.Value?.ToJsonString() ?? "")))
            .ToList();
        var anonymousRows = database.Concat(sharePoint)
            .Where(r => r.Values.Values.Any(v => v.Contains("anon-", StringComparison.Ordinal) || comments.Any(c => v.Contains(c, StringComparison.Ordinal))))
            .ToList();

        // Every answer is there (so the checks below look at something), in both places.
        Assert.All(comments, c => Assert.Contains(anonymousRows, r => r.Source.StartsWith("SharePoint", StringComparison.Ordinal) && r.Text.Contains(c, StringComparison.Ordinal)));
        Assert.All(comments, c => Assert.Contains(anonymousRows, r => r.Source == "poll_answers" && r.Text.Contains(c, StringComparison.Ordinal)));
        Assert.Contains(database, r => r.Source == "bot_conversation_references");
        Assert.Contains(database, r => r.Source == "bot_processed_activities");
        // By identifier: no anonymous row names anyone, or their chat with the bot (the conversation id holds the object id).
        foreach (var row in anonymousRows)
        {
            Assert.DoesNotContain(people.SelectMany(p => p), id => row.Text.Contains(id, StringComparison.OrdinalIgnoreCase));
        }
        // The retry record keeps neither the card it answered with nor the conversation.
        Assert.All(database.Where(r => r.Source == "bot_processed_activities"), r =>
        {
            Assert.DoesNotContain(comments, c => r.Text.Contains(c, StringComparison.Ordinal));
            Assert.DoesNotContain(people.SelectMany(p => p), id => r.Text.Contains(id, StringComparison.OrdinalIgnoreCase));
        });
        // By office: the poll did not ask for results by office.
        Assert.DoesNotContain(anonymousRows, r => r.Values.Values.Any(v => v == planning.Id || v == $"\"{planning.Id}\""));
        // By time: anonymous rows hold days only, and so do the rows that name a person's chat.
        foreach (var row in anonymousRows.Concat(database.Where(r => r.Source == "bot_conversation_references")))
        {
            Assert.All(TimesOfDay(row.Text), time => Assert.Equal("00:00:00", time));
        }
        // By the key: the secret is nowhere in the data.
        Assert.DoesNotContain(database, r => r.Text.Contains(new string('k', 40), StringComparison.Ordinal));

        // By recomputing a comment id: the plain hash anyone could form from an answer key is not the id shown.
        using var results = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, $"/api/polls/{pollId}/results", organizer)).Content.ReadAsStringAsync());
        var commentIds = results.RootElement.GetProperty("questions").EnumerateArray()
            .SelectMany(q => q.GetProperty("comments").EnumerateArray()).Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal(comments.Count, commentIds.Count);
        var recomputable = people.Select(p => p[0]).Concat(anonymousRows.SelectMany(r => RespondentKeys(r.Text)))
            .Distinct().Select(key => Leitbild.Teams.App.Polls.ModeratedCommentIdsUpgrade.LegacyId($"{pollId}:q2:{Goals[0]}:{key}"));
        Assert.Empty(commentIds.Intersect(recomputable));
    }

    private static string Comment(int i) => $"Mehr Gruen am Nordberg, Vorschlag Nummer {i * 7919}";

    private static async Task<string> CreateAndSendAsync(HttpClient client, string organizer, string officeId)
    {
        var created = await Microsoft365World.TabAsync(client, HttpMethod.Post, "/api/polls", organizer, new
        {
            phaseId = "workshop-1",
            title = new { de = "Anonyme Zieldiskussion", en = "Anonymous goal discussion" },
            questions = new object[]
            {
                new { id = "q1", kind = "goalRating", prompt = new { de = "Wie wichtig ist Ihnen dieses Ziel?", en = "How important is this goal to you?" }, goalIds = Goals },
                new { id = "q2", kind = "freeText", prompt = new { de = "Was fehlt?", en = "What is missing?" }, goalIds = new[] { Goals[0] }, maxLength = 300 },
            },
            settings = new { anonymous = true, visibility = "live" },
            audience = new { kind = "department", unitId = officeId },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pollId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Microsoft365World.TabAsync(client, HttpMethod.Post, $"/api/polls/{pollId}/send", organizer)).StatusCode);
        await WaitUntilAsync(async () =>
        {
            using var report = JsonDocument.Parse(await (await Microsoft365World.TabAsync(client, HttpMethod.Get, $"/api/polls/{pollId}/report", organizer)).Content.ReadAsStringAsync());
            return report.RootElement.GetProperty("finished").GetBoolean();
        });
        return pollId;
    }

    private Leitbild.Teams.Bot.Schema.Activity AnswerActivity(int i, string pollId) => _world.PollAnswer(i, pollId,
        Goals.ToDictionary(g => "q1." + g, g => (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(new("q2", Comment(i))));

    private sealed record Row(string Source, IReadOnlyDictionary<string, string> Values)
    {
        public string Text { get; } = string.Join(" | ", Values.Values);
    }

    private static List<Row> ReadDatabase(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new List<Row>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new Row(table, Enumerable.Range(0, reader.FieldCount)
                    .ToDictionary(reader.GetName, c => reader.IsDBNull(c) ? "" : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)!)));
            }
        }
        return rows;
    }

    private static IEnumerable<string> TimesOfDay(string text) => Timestamp().Matches(text).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> RespondentKeys(string text) => AnonymousKey().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}:\d{2})")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"anon-[A-Za-z0-9_\-]+")]
    private static partial Regex AnonymousKey();
}
