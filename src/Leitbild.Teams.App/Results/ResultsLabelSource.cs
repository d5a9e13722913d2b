using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Polls;
using Leitbild.Teams.Core.Process;
using Leitbild.Teams.Core.Results;
using Leitbild.Teams.Graph.SharePoint;

namespace Leitbild.Teams.App.ResultsStorage;

/// <summary>
/// The names the SharePoint lists show, in German (the lists are the city's): the current catalogue of every process,
/// the organisation, the polls of the answers being written, and — for named polls only — the respondents' names.
/// An anonymous poll's respondent key is never looked up: it is not a person id, and nothing may turn it into one.
/// </summary>
public sealed class ResultsLabelSource(IProcessStore processes, IPollStore polls, IDirectory directory) : IResultsLabelSource
{
    private const string Language = "de";

    public async Task<ResultsLabels> GetAsync(IReadOnlyCollection<Answer> answers, CancellationToken cancellationToken)
    {
        var goals = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var process in await processes.ListProcessesAsync(cancellationToken))
        {
            var catalogue = await processes.GetGoalsAsync(process.Id, cancellationToken);
            foreach (var field in catalogue?.FieldsOfAction ?? [])
            {
                fields.TryAdd(field.Id, field.Title.In(Language));
                foreach (var goal in field.Goals)
                {
                    goals.TryAdd(goal.Id, goal.Text.In(Language));
                }
            }
        }
        var organisation = await directory.GetOrganisationAsync(cancellationToken);
        var offices = new Dictionary<string, string>(StringComparer.Ordinal);
        var divisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var division in organisation.Divisions)
        {
            foreach (var office in division.Offices)
            {
                offices[office.Id] = $"{office.Code} {office.Name.In(Language)}";
                divisions[office.Id] = division.Name.In(Language);
            }
        }
        var pollTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        var questions = new Dictionary<string, string>(StringComparer.Ordinal);
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pollAnswers in answers.GroupBy(a => a.PollId, StringComparer.Ordinal))
        {
            if (await polls.GetAsync(pollAnswers.Key, cancellationToken) is not { } poll)
            {
                continue;
            }
            pollTitles[poll.Id] = poll.Title.In(Language);
            foreach (var question in poll.Questions)
            {
                questions[ResultsLabels.QuestionKey(poll.Id, question.Id)] = question.Prompt.In(Language);
                foreach (var option in question.Options)
                {
                    choices[ResultsLabels.ChoiceKey(poll.Id, question.Id, option.Id)] = option.Label.In(Language);
                }
            }
            if (poll.Settings.Anonymous)
            {
                continue;
            }
            foreach (var respondent in pollAnswers.Select(a => a.RespondentKey).Distinct(StringComparer.Ordinal))
            {
                if (!people.ContainsKey(respondent) && await directory.FindPersonAsync(respondent, cancellationToken) is { } person)
                {
                    people[respondent] = person.DisplayName;
                }
            }
        }
        return new ResultsLabels
        {
            Goals = goals,
            FieldsOfAction = fields,
            Offices = offices,
            DivisionsOfOffices = divisions,
            Polls = pollTitles,
            Questions = questions,
            Choices = choices,
            People = people,
            TooFewAnswers = Texts.Get("results.sharePoint.tooFewAnswers", Language),
        };
    }
}
