using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.App.Evaluation;
using Leitbild.Teams.App.Evaluation.Bot;
using Leitbild.Teams.App.Tests.Bot;
using Leitbild.Teams.App.Tests.Scheduling;
using Leitbild.Teams.Bot.Schema;
using Leitbild.Teams.ConnectorSimulator;
using Leitbild.Teams.Core.Evaluation;
using Leitbild.Teams.Core.Process;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Evaluation;

/// <summary>
/// The organizer's workshop-outcome card through POST /api/messages (local mode, SQLite, a simulated Teams connector):
/// "ergebnis" shows the card, saving goes through <see cref="WorkshopOutcomesService"/> into the goal history.
/// </summary>
public sealed class WorkshopOutcomeBotTests : IAsyncLifetime
{
    private const string Bernd = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";

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

    private T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private Activity As(string personId, Activity activity) =>
        activity with { From = new ChannelAccount { Id = "29:" + personId, Name = "Seeded person", AadObjectId = personId } };

    private async Task<JsonElement> PressAsync(string personId, IReadOnlyDictionary<string, string> data)
    {
        var verb = WorkshopOutcomeCard.SaveVerb;
        var response = await _client.PostAsync(As(personId, Activities.Base(_connector.ServiceUrl, "invoke") with
        {
            Name = "adaptiveCard/action",
            ReplyToId = "card-1",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data = new Dictionary<string, string>(data) { ["verb"] = verb } }, trigger = "manual" }),
        }));
        response.EnsureSuccessStatusCode();
        var card = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value");
        CardSchema.AssertValid(card);
        return card;
    }

    private async Task<JsonElement> CardSentAsync(string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var call in _connector.Calls.Where(c => c.Method == "POST" && c.Status is 200 or 201 && c.Path.Contains("/activities", StringComparison.Ordinal) && c.Body is not null))
            {
                var root = JsonDocument.Parse(call.Body!).RootElement;
                if (root.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
                    && attachments[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString() == title)
                {
                    return attachments[0].GetProperty("content").Clone();
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No card '{title}' reached the connector.");
    }

    private async Task<(string ProcessId, string WorkshopId)> WorkshopAsync()
    {
        var process = (await Get<IProcessStore>().ListProcessesAsync(CancellationToken.None)).First();
        return (process.Id, process.Phases.First(p => p.Kind == PhaseKind.Workshop).Id);
    }

    private async Task<IReadOnlyList<GoalChange>> ChangesAsync() =>
        (await Get<WorkshopOutcomesService>().HistoryAsync(CancellationToken.None)).Changes;

    /// <summary>The value an input of the card shows; null when it is empty.</summary>
    private static string? InputValue(JsonElement card, string id) => card.GetProperty("body").EnumerateArray()
        .Single(e => e.TryGetProperty("id", out var i) && i.GetString() == id)
        is var input && input.TryGetProperty("value", out var v) ? v.GetString() : null;

    private static Dictionary<string, string> Reworded(string workshopId, string de, string en) => new()
    {
        [WorkshopOutcomeCard.PhaseKey] = workshopId, [WorkshopOutcomeCard.GoalKey] = "klima-1",
        [WorkshopOutcomeCard.KindKey] = nameof(GoalOutcomeKind.Reworded), [WorkshopOutcomeCard.NewTextDeKey] = de,
        [WorkshopOutcomeCard.NewTextEnKey] = en, [WorkshopOutcomeCard.PriorityKey] = nameof(GoalPriority.High),
        [WorkshopOutcomeCard.MergedIntoKey] = "", [WorkshopOutcomeCard.PollKey] = "",
    };

    [Fact]
    public async Task AnOrganizerRecordsARewordedGoalAndTheCatalogueShowsTheNewWording()
    {
        var (processId, workshopId) = await WorkshopAsync();
        await _client.PostAsync(As(SchedulingApp.Seeded.Organizer, Activities.Text(_connector.ServiceUrl, "ergebnis")));
        var form = await CardSentAsync("Workshop-Ergebnis");
        CardSchema.AssertValid(form);
        Assert.Contains("umformuliert", form.AllText(), StringComparison.Ordinal);

        var saved = await PressAsync(SchedulingApp.Seeded.Organizer, Reworded(workshopId, "Bergkamen wird bis 2040 klimaneutral.", "Bergkamen becomes climate-neutral by 2040."));

        Assert.Contains("Ergebnis gespeichert.", saved.AllText(), StringComparison.Ordinal);
        Assert.Null(InputValue(saved, WorkshopOutcomeCard.NewTextDeKey));
        Assert.Equal(workshopId, InputValue(saved, WorkshopOutcomeCard.PhaseKey));
        var goal = (await Get<IProcessStore>().GetGoalsAsync(processId, CancellationToken.None))!.FindGoal("klima-1")!;
        Assert.Equal(new LocalizedText("Bergkamen wird bis 2040 klimaneutral.", "Bergkamen becomes climate-neutral by 2040."), goal.Text);
    }

    [Fact]
    public async Task AStaffMemberIsRefused()
    {
        var (_, workshopId) = await WorkshopAsync();

        await _client.PostAsync(As(Bernd, Activities.Text(_connector.ServiceUrl, "outcome", "en-US")));
        var card = await PressAsync(Bernd, Reworded(workshopId, "Erfunden.", "Made up."));

        var reply = _connector.Calls.Last(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal));
        Assert.Contains("Only the planning team can record workshop outcomes.", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Nur das Planungsteam kann Workshop-Ergebnisse festhalten.", card.AllText(), StringComparison.Ordinal);
        Assert.Empty(await ChangesAsync());
    }

    [Fact]
    public async Task ARewordedOutcomeWithoutWordingIsRefusedOnTheCardAndNothingIsStored()
    {
        var (processId, workshopId) = await WorkshopAsync();
        var before = (await Get<IProcessStore>().GetGoalsAsync(processId, CancellationToken.None))!.FindGoal("klima-1")!.Text;

        var card = await PressAsync(SchedulingApp.Seeded.Organizer, Reworded(workshopId, "  ", ""));

        var text = card.AllText();
        Assert.Contains("Die neue Formulierung (deutsch) fehlt.", text, StringComparison.Ordinal);
        Assert.Contains("Die neue Formulierung (englisch) fehlt.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ergebnis gespeichert.", text, StringComparison.Ordinal);
        Assert.Equal(nameof(GoalOutcomeKind.Reworded), InputValue(card, WorkshopOutcomeCard.KindKey));
        Assert.Equal(nameof(GoalPriority.High), InputValue(card, WorkshopOutcomeCard.PriorityKey));
        Assert.Empty(await ChangesAsync());
        Assert.Equal(before, (await Get<IProcessStore>().GetGoalsAsync(processId, CancellationToken.None))!.FindGoal("klima-1")!.Text);
    }
}
