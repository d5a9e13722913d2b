using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leitbild.Teams.App.Polls;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Tab.Tests.Fakes;

/// <summary>
/// Stands in for the bot's poll delivery (written on the polls branch at the same time): records what the tab asked
/// for, opens and closes polls through the real <see cref="PollService"/>, and answers previews with a plain
/// Adaptive Card 1.5 that shows each rated goal with a 1–5 choice set, so the official renderer has real inputs to draw.
/// </summary>
public sealed class FakePollDelivery(PollService service, IProcessStore processes) : IPollDelivery
{
    public ConcurrentQueue<(string Call, string PollId)> Calls { get; } = new();

    public async Task<PollDeliveryReport> SendAsync(string pollId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("send", pollId));
        await service.OpenAsync(pollId, cancellationToken);
        return new PollDeliveryReport(pollId, 3, 2, 0, 0, 1, false);
    }

    public Task<PollDeliveryReport> RemindAsync(string pollId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("remind", pollId));
        return Task.FromResult(new PollDeliveryReport(pollId, 1, 1, 0, 0, 0, true));
    }

    public async Task<bool> CloseAsync(string pollId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("close", pollId));
        return await service.CloseAsync(pollId, cancellationToken);
    }

    public Task<PollDeliveryReport> ReportAsync(string pollId, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("report", pollId));
        // One delivered, two not reached: the shape PollDelivery gives when the install finds no Teams or a policy.
        return Task.FromResult(new PollDeliveryReport(pollId, 3, 1, 0, 2, 0, true)
        {
            NotReached = [new("p-1", "Bernd Fiktiva", "unreachable", "noTeams"), new("p-2", "Clara Muster-Kamp", "unreachable", "policy")],
        });
    }

    public async Task<JsonElement> PreviewAsync(Poll poll, string language, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("preview", poll.Id));
        var catalogue = await processes.GetGoalsAsync(poll.ProcessId, cancellationToken);
        var body = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = poll.Title.In(language), ["weight"] = "Bolder", ["wrap"] = true } };
        foreach (var question in poll.Questions)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = question.Prompt.In(language), ["wrap"] = true });
            foreach (var goalId in question.GoalIds)
            {
                var choices = new JsonArray();
                foreach (var value in new[] { "1", "2", "3", "4", "5" })
                {
                    choices.Add(new JsonObject { ["title"] = value, ["value"] = value });
                }
                body.Add(new JsonObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["id"] = PollInputs.Rating(question, goalId),
                    ["label"] = catalogue?.FindGoal(goalId)?.Text.In(language) ?? goalId,
                    ["style"] = "expanded",
                    ["choices"] = choices,
                });
            }
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.Execute", ["title"] = "Senden", ["verb"] = "poll.answer" } },
        };
        return JsonSerializer.SerializeToElement(card);
    }
}
