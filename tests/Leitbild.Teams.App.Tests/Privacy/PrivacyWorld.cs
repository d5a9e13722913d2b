using Leitbild.Teams.App.Storage;
using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Privacy;

/// <summary>
/// A local-mode app with its real SQLite file, filled with one person's traces everywhere the app keeps them: a named
/// and an anonymous poll answered through the poll service, and (written as the stores write them) a booked interview,
/// an interview statement naming them with consent, a calendar invitation, a 1:1 conversation and a delivery.
/// </summary>
internal sealed class PrivacyWorld : IAsyncDisposable
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    /// <summary>Bernd Fiktiva, staff.</summary>
    public const string Person = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";
    public const string PersonEmail = "bernd.fiktiva@bergkamen.example";
    /// <summary>Clara Muster-Kamp, staff: someone else, whose data must survive Bernd's erasure.</summary>
    public const string Other = "e14e1698-4bbe-5515-a550-bc4bce243185";

    public LocalAppFactory Factory { get; }

    public PrivacyWorld(params (string Key, string? Value)[] settings) => Factory = new LocalAppFactory(settings);

    public Poll NamedPoll { get; private set; } = null!;
    public Poll AnonymousPoll { get; private set; } = null!;

    public async Task<PrivacyWorld> FillAsync()
    {
        _ = Factory.Server;
        var polls = Factory.Services.GetRequiredService<PollService>();
        NamedPoll = await OpenAsync(polls, anonymous: false);
        AnonymousPoll = await OpenAsync(polls, anonymous: true);
        foreach (var person in new[] { Person, Other })
        {
            Assert.True((await polls.AnswerAsync(NamedPoll.Id, ["q1", "q2"], new Dictionary<string, string?> { ["q1.klima-1"] = "5", ["q2"] = "Mehr Radwege" }, person, Tenant, null, AnswerChannel.Chat, CancellationToken.None)).Accepted);
            Assert.True((await polls.AnswerAsync(AnonymousPoll.Id, ["q1", "q2"], new Dictionary<string, string?> { ["q1.klima-1"] = "2", ["q2"] = "Anonym gesagt" }, person, Tenant, null, AnswerChannel.Chat, CancellationToken.None)).Accepted);
        }
        await ExecuteAsync("""
            INSERT INTO scheduling_campaigns(id, document, created_at) VALUES ('c1', '{}', '2026-03-01T08:00:00Z');
            INSERT INTO scheduling_interviews(id, campaign_id, position, interviewee_id, interviewee_email, status, booked, updated_at)
                VALUES ('i1', 'c1', 0, $person, $email, 'Booked', '{"start":"2026-03-10T09:00:00Z"}', '2026-03-02T08:00:00Z'),
                       ('i2', 'c1', 1, $other, 'clara.muster-kamp@bergkamen.example', 'Proposed', NULL, '2026-03-02T08:00:00Z');
            INSERT INTO scheduling_proposals(id, interview_id, start_utc, end_utc, interviewers, room_email, rank, status)
                VALUES ('p1', 'i1', '2026-03-10T09:00:00Z', '2026-03-10T09:45:00Z', '[]', NULL, 0, 'Booked'),
                       ('p2', 'i2', '2026-03-11T09:00:00Z', '2026-03-11T09:45:00Z', '[]', NULL, 0, 'Open');
            INSERT INTO scheduling_claims(calendar_id, cell_start, interview_id, claimed_at) VALUES ('interviewer@bergkamen.example', '2026-03-10T09:00:00Z', 'i1', '2026-03-02T08:00:00Z');
            INSERT INTO scheduling_events(id, organizer_email, subject, start_utc, end_utc, is_online, transaction_id, created_at, updated_at)
                VALUES ('e1', 'emil.exempel@bergkamen.example', 'Interview Leitbild', '2026-03-10T09:00:00Z', '2026-03-10T09:45:00Z', 1, 't1', '2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z');
            INSERT INTO scheduling_event_attendees(event_id, email, kind, position) VALUES ('e1', $email, 'Required', 0), ('e1', 'clara.muster-kamp@bergkamen.example', 'Required', 1);
            INSERT INTO evaluation_interviews(interview_id, phase_id, division_id) VALUES ('i1', 'interviews', 'dez-1');
            INSERT INTO evaluation_statements(answer_key, statement_id, interview_id, field_of_action_id, goal_id, sentiment, consent, named_as, recorded_by, recorded_at)
                VALUES ('interview-notes:s1:klima-1:anon-xyz', 's1', 'i1', 'klima', 'klima-1', 'Positive', 'QuoteWithName', 'Bernd Fiktiva (StA 10)', '0374d0fd-4d54-5dd6-9642-c253379975a1', '2026-03-10T10:00:00Z');
            INSERT INTO bot_conversation_references(conversation_id, tenant_id, conversation_type, person_id, reference, updated_at)
                VALUES ('a:1on1-bernd', $tenant, 'personal', $person, '{}', '2026-03-01T08:00:00Z'),
                       ('a:1on1-clara', $tenant, 'personal', $other, '{}', '2026-03-01T08:00:00Z');
            INSERT INTO bot_broadcast_jobs(id, tenant_id, service_url, content_kind, payload, created_at) VALUES ('j1', $tenant, 'http://localhost/', 'poll', '{}', '2026-03-01T08:00:00Z');
            INSERT INTO bot_broadcast_deliveries(job_id, person_id, position, state, updated_at) VALUES ('j1', $person, 0, 'Sent', '2026-03-01T08:00:00Z'), ('j1', $other, 1, 'Sent', '2026-03-01T08:00:00Z');
            """);
        return this;
    }

    private static async Task<Poll> OpenAsync(PollService polls, bool anonymous)
    {
        var poll = await polls.CreateAsync(new PollDraft
        {
            PhaseId = "workshop-1",
            Title = new(anonymous ? "Anonym" : "Namentlich", anonymous ? "Anonymous" : "Named"),
            Questions =
            [
                new Question { Id = "q1", Kind = QuestionKind.GoalRating, Prompt = new("Wie wichtig?", "How important?"), GoalIds = ["klima-1"] },
                new Question { Id = "q2", Kind = QuestionKind.FreeText, Prompt = new("Was fehlt?", "What is missing?"), GoalIds = ["klima-2"], MaxLength = 200 },
            ],
            Settings = new PollSettings { Anonymous = anonymous, Visibility = ResultsVisibility.Live },
            Audience = PollAudience.People(Person, Other),
        }, Fixtures.DevSignIn.Organizer, CancellationToken.None);
        Assert.True(await polls.OpenAsync(poll.Id, CancellationToken.None));
        return poll;
    }

    /// <summary>Marks every phase of every process done, ended on <paramref name="end"/>.</summary>
    public async Task EndProcessAsync(DateOnly end)
    {
        var store = Factory.Services.GetRequiredService<IProcessStore>();
        foreach (var process in await store.ListProcessesAsync(CancellationToken.None))
        {
            await store.SaveProcessAsync(process with
            {
                Phases = [.. process.Phases.Select(p => p with { Status = PhaseStatus.Done, ActualStart = p.PlannedStart < end ? p.PlannedStart : end, ActualEnd = end })],
            }, CancellationToken.None);
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Factory.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$person", Person);
        command.Parameters.AddWithValue("$other", Other);
        command.Parameters.AddWithValue("$email", PersonEmail);
        command.Parameters.AddWithValue("$tenant", Tenant);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Factory.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every table and column whose text contains <paramref name="needle"/> (case-insensitive), as "table.column".</summary>
    public async Task<IReadOnlyList<string>> WhereFoundAsync(string needle, params string[] exceptTables)
    {
        await using var connection = await Factory.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        var found = new List<string>();
        foreach (var table in await Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            if (exceptTables.Contains(table))
            {
                continue;
            }
            foreach (var column in await Strings(connection, $"SELECT name FROM pragma_table_info('{table}')"))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($n)) > 0";
                command.Parameters.AddWithValue("$n", needle);
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }
        return found;
    }

    private static async Task<List<string>> Strings(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
