using Leitbild.Teams.App.Tests.Fixtures;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.SharePoint;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.App.Tests.Results;

/// <summary>The names the SharePoint lists get, from the app's real stores (SQLite, the seeded template and directory).</summary>
public sealed class ResultsLabelSourceTests
{
    private static Poll Poll(string id, bool anonymous, string processId, string createdBy) => new()
    {
        Id = id,
        ProcessId = processId,
        PhaseId = "workshop-1",
        Title = new("Zieldiskussion " + id, "Goal discussion " + id),
        Questions =
        [
            new Question { Id = "q1", Kind = QuestionKind.SingleChoice, Prompt = new("Welche Formulierung?", "Which wording?"), GoalIds = ["klima-1"],
                Options = [new("a", new("bis 2045", "by 2045")), new("b", new("bis 2040", "by 2040"))] },
        ],
        Settings = new PollSettings { Anonymous = anonymous },
        Audience = PollAudience.Everyone,
        CreatedBy = createdBy,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static Answer AnswerOf(string pollId, string respondentKey, string? office) => new()
    {
        PollId = pollId, QuestionId = "q1", GoalId = "klima-1", FieldOfActionId = "klima", Value = AnswerValue.OfChoices("a"), DepartmentId = office,
        RespondentKey = respondentKey, AnsweredAt = DateTimeOffset.UnixEpoch, PhaseId = "workshop-1", Channel = AnswerChannel.Chat, AppVersion = "0.1.0",
    };

    [Fact]
    public async Task NamedPollsGetTheirRespondentsNamesAndAnonymousOnesNeverEvenWhenTheKeyIsAPersonId()
    {
        await using var app = new LocalAppFactory();
        var services = app.Services;
        var processes = services.GetRequiredService<IProcessStore>();
        var process = (await processes.ListProcessesAsync(CancellationToken.None))[0];
        var organisation = await services.GetRequiredService<IDirectory>().GetOrganisationAsync(CancellationToken.None);
        var person = organisation.People.First(p => p.OfficeId is not null);
        var polls = services.GetRequiredService<IPollStore>();
        await polls.CreateAsync(Poll("named", anonymous: false, process.Id, person.Id), CancellationToken.None);
        await polls.CreateAsync(Poll("anonym", anonymous: true, process.Id, person.Id), CancellationToken.None);

        var labels = await services.GetRequiredService<IResultsLabelSource>().GetAsync(
            [AnswerOf("named", person.Id, person.OfficeId), AnswerOf("anonym", person.Id, null)], CancellationToken.None);

        Assert.Equal(person.DisplayName, labels.Person(person.Id));
        Assert.Single(labels.People);
        Assert.Equal("Zieldiskussion anonym", labels.Poll("anonym"));
        Assert.Equal("Welche Formulierung?", labels.Question("named", "q1"));
        Assert.Equal("bis 2045", labels.Choice("named", "q1", "a"));
        var office = organisation.FindOffice(person.OfficeId!)!;
        Assert.Equal($"{office.Code} {office.Name.De}", labels.Office(office.Id));
        Assert.Equal(organisation.DivisionOf(office.Id)!.Name.De, labels.DivisionOf(office.Id));
        Assert.False(string.IsNullOrEmpty(labels.Goal("klima-1")));
        Assert.False(string.IsNullOrEmpty(labels.FieldOfAction("klima")));
        Assert.Equal("noch zu wenige Antworten", labels.TooFewAnswers);
    }
}
